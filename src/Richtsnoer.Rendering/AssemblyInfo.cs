namespace Richtsnoer.Rendering;
