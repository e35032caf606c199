using Richtsnoer.Core;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// Titles and explanations of the error answers that are written in two places: by the error
/// page and by the middleware that answers before Razor Pages runs (<see cref="PlainErrorPage"/>).
/// </summary>
public static class ErrorTexts
{
    public static readonly LocalText BadRequestTitle = new("Dat ging niet goed", "That did not work");

    public static readonly LocalText TooLargeTitle = new("Dat is te veel in één keer", "That is too much at once");

    public static readonly LocalText TooLarge = new(
        "Het formulier was te groot om te verwerken. Maak de tekst korter of verdeel hem over meer keren, en probeer het opnieuw.",
        "The form was too large to process. Make the text shorter or split it up, and try again.");

    public static readonly LocalText SlowDownTitle = new("Even rustig aan", "Please slow down");
}
