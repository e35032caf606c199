using Richtsnoer.Core.PostCheck;

namespace Richtsnoer.Core.Tests.PostCheck;

public class ScratchTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Wat een kankerweer vandaag!")]
    [InlineData("Mijn moeder heeft kanker.")]
    [InlineData("Kanker is een rotziekte, steun het KWF.")]
    [InlineData("Ik werk bij Datastroom en vind het top.")]
    [InlineData("Ik werk bij Datastroom. Dit is mijn eigen mening.")]
    [InlineData("Bel me op 06-12345678 of mail jan.jansen@gmail.com")]
    [InlineData("Mijn BSN is 111222333 en IBAN NL91 ABNA 0417 1643 00")]
    [InlineData("In het teamoverleg zei de baas dat we gaan verhuizen.")]
    [InlineData("Codekracht heeft weer een storing lol #fail")]
    [InlineData("Collega Jan is al weken ziek thuis.")]
    [InlineData("Ik maak je af, klootzak")]
    [InlineData("k4nk3rlijer!!")]
    [InlineData("Hij woont op de Dorpsstraat 12 in Zwolle, 8011 AB")]
    [InlineData("Morgen vergadering over de productplanning van Q3.")]
    public void Show(string text)
    {
        var r = PostCheckFixture.Check(text);
        output.WriteLine(PostCheckFixture.Describe(r, text));
        foreach (var f in r.Findings)
        {
            output.WriteLine($"  {f.Message} [{f.Clause}] {f.AskWhom}");
        }
    }
}
