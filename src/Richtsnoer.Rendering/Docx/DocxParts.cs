using System.Security;

namespace Richtsnoer.Rendering.Docx;

/// <summary>
/// The fixed parts of every DOCX: styles, settings and font table. Real Word styles (Title,
/// Heading 1-3, Normal, List Bullet, List Number, TOC 1-2, Header, Footer) so a user can restyle
/// the whole document at once; the language sits on the defaults and on every style.
/// </summary>
internal static class DocxParts
{
    public const string Ink = "1D2433";
    public const string Accent = "1F5F8B";
    public const string Muted = "5B6475";
    public const string Box = "F3F6F9";
    public const string Rule = "C9D1DC";

    /// <summary>A4 with 2.5 cm margins left and top, 2.3 cm right and bottom (twentieths of a point).</summary>
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginLeft = 1418;
    public const int MarginRight = 1304;
    public const int MarginTop = 1418;
    public const int MarginBottom = 1304;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    public const string BodyFont = "Cambria";
    public const string HeadingFont = "Calibri";

    /// <param name="lang">BCP 47 tag, nl-NL or en-GB.</param>
    /// <param name="compact">Smaller type and spacing, for the one-page staff summary.</param>
    public static string Styles(string lang, bool compact)
    {
        var body = compact ? 20 : 21;
        var after = compact ? 80 : 120;
        var line = compact ? 264 : 288;
        var h1 = compact ? 26 : 30;
        var h1Before = compact ? 200 : 360;
        var title = compact ? 44 : 56;
        var rLang = $"<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\"/>";
        return $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:docDefaults>
            <w:rPrDefault><w:rPr><w:rFonts w:ascii="{BodyFont}" w:hAnsi="{BodyFont}" w:eastAsia="{BodyFont}" w:cs="{BodyFont}"/><w:color w:val="{Ink}"/><w:sz w:val="{body}"/><w:szCs w:val="{body}"/>{rLang}</w:rPr></w:rPrDefault>
            <w:pPrDefault><w:pPr><w:spacing w:after="{after}" w:line="{line}" w:lineRule="auto"/></w:pPr></w:pPrDefault>
            </w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr><w:rPr>{rLang}</w:rPr></w:style>
            <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
            <w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:b/><w:bCs/><w:color w:val="{Ink}"/><w:kern w:val="28"/><w:sz w:val="{title}"/><w:szCs w:val="{title}"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="80"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:caps/><w:color w:val="{Accent}"/><w:spacing w:val="20"/><w:sz w:val="22"/><w:szCs w:val="22"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:numId w:val="1"/></w:numPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="2" w:color="{Rule}"/></w:pBdr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:spacing w:before="{h1Before}" w:after="160" w:line="240" w:lineRule="auto"/><w:ind w:left="567" w:hanging="567"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:b/><w:bCs/><w:color w:val="{Accent}"/><w:sz w:val="{h1}"/><w:szCs w:val="{h1}"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:spacing w:before="240" w:after="80" w:line="240" w:lineRule="auto"/><w:ind w:left="567" w:hanging="567"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:b/><w:bCs/><w:color w:val="{Ink}"/><w:sz w:val="23"/><w:szCs w:val="23"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:b/><w:bCs/><w:i/><w:color w:val="{Ink}"/><w:sz w:val="{body}"/><w:szCs w:val="{body}"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr><w:rPr>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="567" w:hanging="283"/></w:pPr><w:rPr>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="624" w:hanging="397"/></w:pPr><w:rPr>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:customStyle="1" w:styleId="Example"><w:name w:val="Example"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="20"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{Accent}"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="{Box}"/><w:spacing w:before="60" w:after="160"/><w:ind w:left="227" w:right="113"/></w:pPr><w:rPr><w:sz w:val="{body - 1}"/><w:szCs w:val="{body - 1}"/>{rLang}</w:rPr></w:style>
            <w:style w:type="character" w:customStyle="1" w:styleId="ExampleLabel"><w:name w:val="Example Label"/><w:uiPriority w:val="20"/><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:b/><w:caps/><w:color w:val="{Accent}"/><w:spacing w:val="10"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
            <w:style w:type="character" w:customStyle="1" w:styleId="ClauseMark"><w:name w:val="Clause Mark"/><w:uiPriority w:val="21"/><w:rPr><w:b w:val="0"/><w:bCs w:val="0"/><w:color w:val="{Muted}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:customStyle="1" w:styleId="Meta"><w:name w:val="Document Details"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="12"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs><w:spacing w:after="20"/><w:ind w:left="2268" w:hanging="2268"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:color w:val="{Muted}"/><w:sz w:val="19"/><w:szCs w:val="19"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="480" w:after="160"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:b/><w:bCs/><w:color w:val="{Accent}"/><w:sz w:val="26"/><w:szCs w:val="26"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/><w:tab w:val="right" w:leader="dot" w:pos="{TextWidth}"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="567" w:hanging="567"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="left" w:pos="1134"/><w:tab w:val="right" w:leader="dot" w:pos="{TextWidth}"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="1134" w:hanging="567"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:sz w:val="19"/><w:szCs w:val="19"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{Rule}"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="{TextWidth}"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:color w:val="{Muted}"/><w:sz w:val="16"/><w:szCs w:val="16"/>{rLang}</w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="right" w:pos="{TextWidth}"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="{HeadingFont}" w:hAnsi="{HeadingFont}" w:eastAsia="{HeadingFont}" w:cs="{HeadingFont}"/><w:color w:val="{Muted}"/><w:sz w:val="16"/><w:szCs w:val="16"/>{rLang}</w:rPr></w:style>
            <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="{Accent}"/></w:rPr></w:style>
            <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:uiPriority w:val="22"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
            <w:style w:type="table" w:customStyle="1" w:styleId="RichtsnoerTable"><w:name w:val="Richtsnoer Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="{body - 2}"/><w:szCs w:val="{body - 2}"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{Rule}"/><w:left w:val="single" w:sz="4" w:space="0" w:color="{Rule}"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="{Rule}"/><w:right w:val="single" w:sz="4" w:space="0" w:color="{Rule}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="{Rule}"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="{Rule}"/></w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
            </w:styles>
            """;
    }

    public static string Settings(string lang) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:zoom w:percent="100"/>
        <w:defaultTabStop w:val="567"/>
        <w:characterSpacingControl w:val="doNotCompress"/>
        <w:updateFields w:val="true"/>
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
        <w:themeFontLang w:val="{lang}"/>
        <w:decimalSymbol w:val=","/>
        <w:listSeparator w:val=";"/>
        </w:settings>
        """;

    public const string FontTable = $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:font w:name="{BodyFont}"><w:panose1 w:val="02040503050406030204"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
        <w:font w:name="{HeadingFont}"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
        </w:fonts>
        """;

    public static string App(string company) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Richtsnoer</Application><Company>{SecurityElement.Escape(company)}</Company></Properties>
        """;
}
