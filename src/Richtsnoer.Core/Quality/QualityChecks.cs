namespace Richtsnoer.Core.Quality;

/// <summary>Every check the quality report runs, in the order the report lists them.</summary>
public static class QualityChecks
{
    public static readonly CheckDefinition Assembly = new(
        "assembly",
        Severity.Error,
        new("Protocol samenstellen", "Assembling the protocol"),
        new("De antwoorden moeten een volledig protocol opleveren", "The answers must produce a complete protocol"));

    public static readonly CheckDefinition WorksCouncilConsent = new(
        "works-council-consent",
        Severity.Info,
        new("Instemming van de ondernemingsraad", "Works council consent"),
        new("Artikel 27 lid 1 onder k en l en lid 5 WOR", "Works Councils Act (WOR), Article 27(1)(k) and (l), Article 27(5)"));

    public static readonly CheckDefinition WorksCouncilCao = new(
        "works-council-cao",
        Severity.Info,
        new("Cao en instemming", "Collective agreement and consent"),
        new("Artikel 27 lid 3 en lid 5 WOR", "Works Councils Act (WOR), Article 27(3) and 27(5)"));

    public static readonly CheckDefinition ConsentBeforeEffect = new(
        "consent-before-effective-date",
        Severity.Warning,
        new("Ingangsdatum na instemming", "Effective date after consent"),
        new("Artikel 27 lid 1 en lid 5 WOR", "Works Councils Act (WOR), Article 27(1) and 27(5)"));

    public static readonly CheckDefinition MonitoringPurpose = new(
        "monitoring-purpose",
        Severity.Warning,
        new("Doel, evenredigheid en aankondiging van toezicht", "Purpose, proportionality and notice of monitoring"),
        new("AVG artikel 5 lid 1 onder b en c, artikel 6 lid 1 onder f, artikelen 12 en 13", "GDPR Article 5(1)(b) and (c), Article 6(1)(f), Articles 12 and 13"));

    public static readonly CheckDefinition MonitoringGround = new(
        "monitoring-ground",
        Severity.Warning,
        new("Grondslag van toezicht bij de overheid", "Legal ground of monitoring by a public body"),
        new("AVG artikel 6 lid 1 onder e en f, en de zin na onder f", "GDPR Article 6(1)(e) and (f), and the sentence after point (f)"));

    public static readonly CheckDefinition MonitoringDpia = new(
        "monitoring-dpia",
        Severity.Warning,
        new("DPIA bij toezicht", "DPIA for monitoring"),
        new("AVG artikel 35; lijst DPIA-verplichte verwerkingen van de Autoriteit Persoonsgegevens (2019); artikel 27 lid 1 onder k en l WOR", "GDPR Article 35; Dutch Data Protection Authority list of processing that requires a DPIA (2019); Works Councils Act (WOR), Article 27(1)(k) and (l)"));

    public static readonly CheckDefinition WorkingHoursBan = new(
        "working-hours-ban",
        Severity.Warning,
        new("Verbod tijdens werktijd", "Ban during working hours"),
        new("Artikelen 7:660 en 7:611 BW", "Dutch Civil Code, Articles 7:660 and 7:611"));

    public static readonly CheckDefinition OverbroadCriticism = new(
        "overbroad-criticism",
        Severity.Warning,
        new("Te breed verbod op kritiek", "Overbroad ban on criticism"),
        new("Artikel 7 Grondwet, artikel 10 EVRM, artikel 7:611 BW; EHRM Herbai tegen Hongarije (2019)", "Dutch Constitution Article 7, ECHR Article 10, Dutch Civil Code Article 7:611; ECtHR Herbai v. Hungary (2019)"));

    public static readonly CheckDefinition OverbroadConditions = new(
        "overbroad-working-conditions",
        Severity.Warning,
        new("Verbod om over arbeidsvoorwaarden te praten", "Ban on discussing working conditions"),
        new("Artikelen 10 en 11 EVRM; Richtlijn (EU) 2023/970 artikel 7 lid 5", "ECHR Articles 10 and 11; Directive (EU) 2023/970, Article 7(5)"));

    public static readonly CheckDefinition EscalationContact = new(
        "escalation-contact",
        Severity.Error,
        new("Contact voor escalatie", "Escalation contact"),
        new("Artikel 7:611 BW (goed werkgeverschap)", "Dutch Civil Code, Article 7:611 (good employer)"));

    public static readonly CheckDefinition DoubtContact = new(
        "doubt-contact",
        Severity.Error,
        new("Contact bij twijfel", "Contact when in doubt"),
        new("Artikel 7:611 BW (goed werkgeverschap)", "Dutch Civil Code, Article 7:611 (good employer)"));

    public static readonly CheckDefinition Sanctions = new(
        "sanctions",
        Severity.Warning,
        new("Gevolgen van overtreding", "Consequences of breaches"),
        new("Artikelen 7:660 en 7:678 BW", "Dutch Civil Code, Articles 7:660 and 7:678"));

    public static readonly CheckDefinition EffectiveDate = new(
        "effective-date",
        Severity.Warning,
        new("Ingangsdatum", "Effective date"),
        new("Artikel 7:660 BW; artikel 27 lid 1 WOR", "Dutch Civil Code, Article 7:660; Works Councils Act (WOR), Article 27(1)"));

    public static readonly CheckDefinition ReviewPeriod = new(
        "review-period",
        Severity.Warning,
        new("Evaluatie", "Review"),
        new("Goede praktijk; artikel 27 lid 1 WOR bij wijzigingen", "Good practice; Works Councils Act (WOR), Article 27(1) for changes"));

    public static readonly CheckDefinition Length = new(
        "length",
        Severity.Warning,
        new("Lengte", "Length"),
        new("Goede praktijk: kort en bondig, zodat het gelezen wordt", "Good practice: short and to the point, so that it is read"));

    public static readonly CheckDefinition SectionReadability = new(
        "readability-section",
        Severity.Warning,
        new("Leesbaarheid per hoofdstuk", "Readability per section"),
        new("Flesch-Douma (Nederlands), Flesch Reading Ease (Engels)", "Flesch-Douma (Dutch), Flesch Reading Ease (English)"));

    public static readonly CheckDefinition DocumentReadability = new(
        "readability-document",
        Severity.Warning,
        new("Leesbaarheid van het geheel", "Readability of the whole"),
        new("Flesch-Douma (Nederlands), Flesch Reading Ease (Engels)", "Flesch-Douma (Dutch), Flesch Reading Ease (English)"));

    public static readonly IReadOnlyList<CheckDefinition> All =
    [
        Assembly,
        WorksCouncilConsent,
        WorksCouncilCao,
        ConsentBeforeEffect,
        MonitoringPurpose,
        MonitoringGround,
        MonitoringDpia,
        WorkingHoursBan,
        OverbroadCriticism,
        OverbroadConditions,
        EscalationContact,
        DoubtContact,
        Sanctions,
        EffectiveDate,
        ReviewPeriod,
        Length,
        SectionReadability,
        DocumentReadability,
    ];

    public static CheckDefinition? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}
