using Richtsnoer.Core.Answers;
using Richtsnoer.Core.Assembly;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Quality;

/// <summary>
/// The legal-risk checks. Each looks at the effective answers (answers plus defaults), the
/// organisation's own clause texts and, where it needs them, the assembled documents.
/// </summary>
internal static class LegalChecks
{
    /// <summary>Topics whose clauses set rules on behaviour (WOR art. 27 lid 1 onder l).</summary>
    private static readonly string[] ConductTopics =
        ["working-hours", "confidential", "relations", "conversations", "personal-title", "respect", "copyright", "think-before-posting", "consequences"];

    public static IEnumerable<Finding> Run(CheckContext c) =>
        [
            .. WorksCouncil(c),
            .. Monitoring(c),
            .. MonitoringGround(c),
            .. WorkingHours(c),
            .. Overbroad(c),
            .. Contacts(c),
            .. Sanctions(c),
            .. Adoption(c),
        ];

    private static IEnumerable<Finding> WorksCouncil(CheckContext c)
    {
        var a = c.Effective;
        if (a.Bool("works_council") != true)
        {
            yield break;
        }

        var monitoring = a.Choice("monitoring") is { } m && m != "none";
        var conduct = c.Documents.Count == 0 || c.Documents.Any(d => d.AllClauses.Any(cl => cl.Topics.Intersect(ConductTopics).Any()));
        if (!monitoring && !conduct)
        {
            yield break;
        }

        if (a.Bool("cao_regulates") == true)
        {
            // The protocol itself now says "insofar as" and still asks consent for the rest; this
            // reminds the organisation to check what the cao really covers.
            yield return new Finding(
                QualityChecks.WorksCouncilCao,
                Severity.Info,
                new("U geeft aan dat een cao het gebruik van social media al regelt. Het protocol zegt dat de cao voorgaat en vraagt instemming voor wat verder gaat dan de cao, en voor het toezicht.",
                    "You state that a collective labour agreement (cao) already regulates social media use. The protocol says the cao comes first and asks consent for what goes beyond it, and for the monitoring."),
                new("Het instemmingsrecht vervalt alleen voor zover de cao het onderwerp zelf inhoudelijk regelt (artikel 27 lid 3 WOR). Laat de cao ruimte voor eigen regels, bijvoorbeeld over toezicht, dan is voor die regels wel instemming nodig (artikel 27 lid 1 onder k en l WOR). Is dat ten onrechte overgeslagen, dan kan de ondernemingsraad zich op de nietigheid van het besluit beroepen (artikel 27 lid 5 WOR).",
                    "The right of consent only lapses insofar as the cao itself regulates the subject substantively (Article 27(3) WOR). Where the cao leaves room for the employer's own rules, for example on monitoring, those rules still need consent (Article 27(1)(k) and (l) WOR). If consent was wrongly skipped, the works council can invoke the nullity of the decision (Article 27(5) WOR)."),
                new("Zoek in de cao op welke afspraken over social media, internet en toezicht er precies staan, en noem dat artikel bij cao_article. Regelt de cao het onderwerp niet inhoudelijk, beantwoord cao_regulates dan met nee.",
                    "Look up exactly what the cao says about social media, internet use and monitoring, and name that article in cao_article. If the cao does not regulate the subject in substance, answer cao_regulates with no."),
                "cao_regulates");
        }

        var consent = a.Date("consent_date");
        if (consent is null)
        {
            var basisNl = monitoring
                ? "Het protocol regelt toezicht: een voorziening die geschikt is om gedrag of prestaties van medewerkers waar te nemen (artikel 27 lid 1 onder l van de Wet op de ondernemingsraden, WOR), waarbij hun persoonsgegevens worden verwerkt (onder k)."
                : "Het protocol regelt geen toezicht. Regels over gedrag zonder toezicht vallen niet altijd onder artikel 27 lid 1 onder k of l van de Wet op de ondernemingsraden (WOR); het protocol vraagt de instemming toch, zodat de ondernemingsraad erachter staat en een later toegevoegd toezicht niet zonder instemming ingaat.";
            var basisEn = monitoring
                ? "The protocol provides for monitoring: a facility suited to observing the behaviour or performance of staff (Article 27(1)(l) of the Works Councils Act, WOR), which processes their personal data (point (k))."
                : "The protocol provides for no monitoring. Rules of conduct without monitoring do not always fall under Article 27(1)(k) or (l) of the Works Councils Act (WOR); the protocol asks for consent anyway, so that the works council stands behind it and monitoring added later cannot start without consent.";
            yield return new Finding(
                QualityChecks.WorksCouncilConsent,
                Severity.Info,
                new("De ondernemingsraad moet nog instemmen met dit protocol; er is geen datum van instemming ingevuld.",
                    "The works council has yet to consent to this protocol; no consent date has been entered."),
                new(basisNl + " Een besluit zonder vereiste instemming is nietig als de ondernemingsraad zich daar binnen een maand schriftelijk op beroept (artikel 27 lid 5 WOR).",
                    basisEn + " A decision taken without required consent is void if the works council invokes this in writing within one month (Article 27(5) WOR)."),
                new("Leg het protocol ter instemming voor aan de ondernemingsraad. Vul na de instemming de datum in bij consent_date; het protocol noemt die datum dan.",
                    "Submit the protocol to the works council for consent. Once it has consented, enter the date as consent_date; the protocol will then state it."),
                "consent_date");
        }
        else if (a.Date("effective_date") is { } effective && effective < consent)
        {
            yield return new Finding(
                QualityChecks.ConsentBeforeEffect,
                Severity.Warning,
                new($"De ingangsdatum ({Day(effective, Language.Nl)}) ligt vóór de datum van instemming ({Day(consent.Value, Language.Nl)}).",
                    $"The effective date ({Day(effective, Language.En)}) is before the works council's consent ({Day(consent.Value, Language.En)})."),
                new("Een regeling waarvoor instemming nodig is, mag pas gelden nadat de ondernemingsraad heeft ingestemd (artikel 27 lid 1 WOR). Past de werkgever haar eerder toe, dan kan de ondernemingsraad zich op de nietigheid van het besluit beroepen (artikel 27 lid 5 WOR).",
                    "A regulation that needs consent may only apply once the works council has consented (Article 27(1) WOR). If the employer applies it earlier, the works council can invoke the nullity of the decision (Article 27(5) WOR)."),
                new("Kies een ingangsdatum op of na de datum van instemming.", "Choose an effective date on or after the consent date."),
                "effective_date");
        }
    }

    /// <summary>A public body cannot rely on a legitimate interest for monitoring done in the performance of its tasks.</summary>
    private static IEnumerable<Finding> MonitoringGround(CheckContext c)
    {
        var a = c.Effective;
        if (a.Choice("monitoring") is null or "none" || a.Choice("sector") != "overheid" || a.Choice("monitoring_ground") != "legitimate_interest")
        {
            yield break;
        }

        yield return new Finding(
            QualityChecks.MonitoringGround,
            Severity.Warning,
            new("U bent een overheidsorganisatie en noemt een gerechtvaardigd belang als grondslag voor het toezicht.",
                "You are a public body and name a legitimate interest as the legal ground for the monitoring."),
            new("Een overheidsorgaan kan zich bij de uitvoering van zijn taken niet beroepen op een gerechtvaardigd belang (artikel 6 lid 1 AVG, de zin na onder f). Voor toezicht dat bij die taken hoort, is de grondslag meestal de taak van algemeen belang (artikel 6 lid 1 onder e AVG), met een wettelijke basis.",
                "A public authority cannot rely on a legitimate interest in the performance of its tasks (Article 6(1) GDPR, the sentence after point (f)). For monitoring that belongs to those tasks, the ground is usually the task in the public interest (Article 6(1)(e) GDPR), with a basis in law."),
            new("Kies bij monitoring_ground de taak van algemeen belang (public_task), of laat de functionaris gegevensbescherming bevestigen waarom het gerechtvaardigd belang hier toch past.",
                "Choose the task in the public interest (public_task) as monitoring_ground, or have the data protection officer confirm why a legitimate interest fits here after all."),
            "monitoring_ground");
    }

    private static IEnumerable<Finding> Monitoring(CheckContext c)
    {
        var regime = c.Effective.Choice("monitoring");
        if (regime is null or "none")
        {
            yield break;
        }

        var why = new LocalText(
            "Toezicht op medewerkers is een verwerking van persoonsgegevens. De AVG staat dat alleen toe met een welbepaald doel (artikel 5 lid 1 onder b AVG), als het toezicht nodig is en in verhouding staat tot dat doel (artikel 5 lid 1 onder c en artikel 6 lid 1 onder f AVG), en als medewerkers vooraf weten wat er gebeurt (artikelen 12 en 13 AVG). Toestemming van medewerkers is zelden een geldige grondslag, omdat zij afhankelijk zijn van hun werkgever.",
            "Monitoring staff means processing personal data. The GDPR only allows it for a specified purpose (Article 5(1)(b) GDPR), when it is necessary and proportionate to that purpose (Article 5(1)(c) and Article 6(1)(f) GDPR), and when staff know in advance what happens (Articles 12 and 13 GDPR). Consent from staff is rarely a valid basis, because they depend on their employer.");

        var purpose = c.Effective.Text("monitoring_purpose");
        if (purpose is null)
        {
            yield return new Finding(
                QualityChecks.MonitoringPurpose,
                Severity.Warning,
                new("Er is toezicht gekozen, maar het doel van het toezicht is niet ingevuld.", "Monitoring has been chosen, but its purpose has not been filled in."),
                why,
                new("Vul bij monitoring_purpose in waarvoor het toezicht dient, bijvoorbeeld: om vragen en klachten over de organisatie snel te beantwoorden.",
                    "Fill in monitoring_purpose with what the monitoring is for, for example: to answer questions and complaints about the organisation quickly."),
                "monitoring_purpose");
        }

        // The organisation's own monitoring texts must still name purpose, limits and notice.
        var texts = OwnTexts(c).Where(t => t.Topics.Contains("monitoring") && t.ClauseId != "adoption-monitoring").ToList();
        foreach (var own in texts)
        {
            var full = own.Text.Title + "\n" + own.Text.Body;
            var missing = new List<LocalText>();
            if (!c.Patterns.Monitoring.Mentions(full, own.Language, "purpose"))
            {
                missing.Add(new("het doel", "the purpose"));
            }

            if (!c.Patterns.Monitoring.Mentions(full, own.Language, "proportionality"))
            {
                missing.Add(new("dat het toezicht nodig is en beperkt blijft", "that monitoring is necessary and limited"));
            }

            if (!c.Patterns.Monitoring.Mentions(full, own.Language, "announcement"))
            {
                missing.Add(new("dat medewerkers het vooraf horen", "that staff are told in advance"));
            }

            if (missing.Count > 0)
            {
                yield return new Finding(
                    QualityChecks.MonitoringPurpose,
                    Severity.Warning,
                    new($"De eigen tekst over toezicht ({own.Describe(Language.Nl)}) noemt niet {Join(missing, Language.Nl)}.",
                        $"The organisation's own text on monitoring ({own.Describe(Language.En)}) does not mention {Join(missing, Language.En)}."),
                    why,
                    new("Vul de tekst aan met het doel, de grenzen van het toezicht en hoe medewerkers er vooraf over horen, of gebruik weer de tekst uit de bibliotheek.",
                        "Add the purpose, the limits of the monitoring and how staff are told in advance, or go back to the library text."),
                    own.Where);
            }
        }

        var dpiaNoted = (purpose is not null && c.Patterns.Monitoring.Mentions(purpose, Language.Nl, "dpia"))
            || texts.Any(t => c.Patterns.Monitoring.Mentions(t.Text.Body, t.Language, "dpia"));
        var dpiaWhy = new LocalText(
            "Een gegevensbeschermingseffectbeoordeling (DPIA) is verplicht als een verwerking waarschijnlijk een hoog risico geeft voor de mensen om wie het gaat (artikel 35 AVG). Op de lijst van de Autoriteit Persoonsgegevens (2019) staat het stelselmatig controleren van medewerkers, zoals hun e-mail- en internetgebruik, als verwerking waarvoor een DPIA verplicht is. De ondernemingsraad heeft instemmingsrecht op zulk toezicht (artikel 27 lid 1 onder k en l WOR).",
            "A data protection impact assessment (DPIA) is required when processing is likely to result in a high risk to the people concerned (Article 35 GDPR). The Dutch Data Protection Authority's list (2019) names systematic monitoring of staff, such as their e-mail and internet use, as processing that requires a DPIA. The works council has a right of consent on such monitoring (Article 27(1)(k) and (l) WOR).");
        if (regime == "other" && !dpiaNoted)
        {
            yield return new Finding(
                QualityChecks.MonitoringDpia,
                Severity.Warning,
                new("U kiest voor ander toezicht dan het volgen van openbare berichten over de organisatie. Stelselmatig toezicht op medewerkers vraagt vooraf een DPIA.",
                    "You chose monitoring beyond following public posts about the organisation. Systematic monitoring of staff requires a DPIA beforehand."),
                dpiaWhy,
                new("Voer vóór de start een DPIA uit, betrek de functionaris gegevensbescherming als u die hebt, en leg het toezicht voor aan de ondernemingsraad. Noem de DPIA daarna in het doel van het toezicht.",
                    "Carry out a DPIA before you start, involve your data protection officer if you have one, and put the monitoring to the works council. Then mention the DPIA in the purpose of the monitoring."),
                "monitoring");
        }
        else if (regime == "public_mentions" && !dpiaNoted)
        {
            yield return new Finding(
                QualityChecks.MonitoringDpia,
                Severity.Info,
                new("U volgt openbare berichten over de organisatie. Daarbij komen ook berichten van medewerkers in beeld.",
                    "You follow public posts about the organisation. Posts by staff will show up in that too."),
                new("Alleen openbare berichten volgen die de organisatie noemen, zonder medewerkers te volgen of profielen te maken, is meestal geen stelselmatig toezicht op medewerkers. Gaat het verder, dan is een DPIA verplicht (artikel 35 AVG; lijst van de Autoriteit Persoonsgegevens, 2019).",
                    "Following only public posts that mention the organisation, without following staff or building profiles, is usually not systematic monitoring of staff. If it goes further, a DPIA is required (Article 35 GDPR; Dutch Data Protection Authority list, 2019)."),
                new("Leg vast welke hulpmiddelen u gebruikt en hoe u voorkomt dat het volgen van berichten verschuift naar het volgen van medewerkers. Twijfelt u, doe dan een korte DPIA.",
                    "Record which tools you use and how you prevent following posts from turning into following staff. When in doubt, carry out a short DPIA."),
                "monitoring");
        }
    }

    private static IEnumerable<Finding> WorkingHours(CheckContext c)
    {
        if (c.Effective.Choice("working_hours") != "none")
        {
            yield break;
        }

        yield return new Finding(
            QualityChecks.WorkingHoursBan,
            Severity.Warning,
            new("U kiest voor een verbod op social media tijdens werktijd.", "You chose a ban on social media during working hours."),
            new("Een totaal verbod is lastig te handhaven: medewerkers hebben hun eigen telefoon bij zich. Regels die niet worden gehandhaafd, verliezen hun gewicht, en rechters kijken of een werkgever zijn regels consequent toepast. De werkgever mag regels geven over het werk en de goede orde (artikel 7:660 BW), maar moet daarbij handelen als goed werkgever (artikel 7:611 BW): een regel moet redelijk zijn en in verhouding staan tot het doel.",
                "A total ban is hard to enforce: staff carry their own phones. Rules that are not enforced lose their weight, and courts look at whether an employer applies its rules consistently. An employer may give instructions on the work and on good order (Article 7:660 of the Dutch Civil Code), but must act as a good employer in doing so (Article 7:611): a rule must be reasonable and proportionate to its aim."),
            new("Kies liever 'alleen in de pauzes' of 'alleen als het nuttig is voor het werk'. Is een verbod echt nodig, bijvoorbeeld voor veiligheid of klantcontact, beperk het dan tot die functies en leg uit waarom.",
                "Prefer 'only during breaks' or 'only when useful for the work'. If a ban is truly needed, for example for safety or customer contact, limit it to those roles and explain why."),
            "working_hours");
    }

    private static IEnumerable<Finding> Overbroad(CheckContext c)
    {
        // The organisation's own texts, and the library's texts as assembled: a library clause can be
        // too broad as well, and a check that only reads user text would never notice.
        var texts = OwnTexts(c).Select(own => (Text: own, Title: own.Text.Title, Blocks: ProtocolAssembler.UserBlocks(own.Text.Body)))
            .Concat(c.Documents.SelectMany(d => d.AllClauses.Where(cl => cl.Origin == ClauseOrigin.Library)
                .Select(cl => (Text: new OwnText(cl.Id, false, 0, d.Metadata.Language, new ClauseText(cl.Title, ""), cl.Topics) { FromLibrary = true }, cl.Title, cl.Blocks))));
        foreach (var (own, title, blocks) in texts)
        {
            var sentences = new[] { title }.Concat(BlockText.Statements(blocks).SelectMany(TextAnalyser.Sentences));
            var matches = c.Patterns.Overbroad.Match(sentences, own.Language, c.OrganisationNames);
            foreach (var byCheck in matches.GroupBy(m => m.Rule.CheckId))
            {
                var first = byCheck.First();
                var quote = ReadabilityChecks.Quote(first.Sentence);
                if (byCheck.Key == QualityChecks.OverbroadConditions.Id)
                {
                    yield return new Finding(
                        QualityChecks.OverbroadConditions,
                        Severity.Warning,
                        new($"{Capital(own.Describe(Language.Nl))} verbiedt mogelijk om over loon of arbeidsomstandigheden te praten: \"{quote}\"",
                            $"{Capital(own.Describe(Language.En))} may forbid talking about pay or working conditions: \"{quote}\""),
                        new("Praten over je eigen loon, werkdruk of arbeidsvoorwaarden valt onder de vrijheid van meningsuiting (artikel 10 EVRM) en onder de vrijheid om samen met anderen op te komen voor je belangen (artikel 11 EVRM). Volgens de Europese richtlijn over loontransparantie mogen werknemers niet worden belet hun eigen loon bekend te maken om gelijke beloning af te dwingen (Richtlijn (EU) 2023/970, artikel 7 lid 5). Ook elders gelden zulke brede verboden als onrechtmatig; in de Verenigde Staten bijvoorbeeld sinds de uitspraak Stericycle van de NLRB (2023).",
                            "Talking about your own pay, workload or terms of employment falls under freedom of expression (Article 10 ECHR) and the freedom to stand up for your interests together with others (Article 11 ECHR). Under the EU Pay Transparency Directive, workers may not be prevented from disclosing their own pay in order to enforce equal pay (Directive (EU) 2023/970, Article 7(5)). Elsewhere, too, such broad bans are treated as unlawful; in the United States, for example, since the NLRB's Stericycle decision (2023)."),
                        new("Beperk de regel tot gegevens van anderen, zoals het loon van collega's, en tot echt vertrouwelijke bedrijfsinformatie. Zeg erbij dat medewerkers vrij zijn om over hun eigen loon en arbeidsomstandigheden te praten.",
                            "Limit the rule to other people's data, such as colleagues' pay, and to truly confidential business information. Say that staff are free to talk about their own pay and working conditions."),
                        own.Where);
                }
                else
                {
                    yield return new Finding(
                        QualityChecks.OverbroadCriticism,
                        Severity.Warning,
                        new($"{Capital(own.Describe(Language.Nl))} verbiedt mogelijk elke negatieve uitspraak over de werkgever: \"{quote}\"",
                            $"{Capital(own.Describe(Language.En))} may forbid any negative statement about the employer: \"{quote}\""),
                        new("Medewerkers hebben vrijheid van meningsuiting, ook over hun werkgever (artikel 7 Grondwet, artikel 10 EVRM). Via goed werkgeverschap en goed werknemerschap werkt die vrijheid door in de arbeidsrelatie (artikel 7:611 BW). Een werkgever kan kritiek dus niet in het algemeen verbieden; een beperking moet nodig zijn en in verhouding staan. Rechters wegen, zoals het Europees Hof voor de Rechten van de Mens in Herbai tegen Hongarije (2019): de aard van de uitlating, het motief van de medewerker, de schade voor de werkgever en de zwaarte van de sanctie. Een regel die zo breed is, houdt bij de rechter waarschijnlijk geen stand.",
                            "Staff have freedom of expression, also about their employer (Article 7 of the Dutch Constitution, Article 10 ECHR). Through the duties of a good employer and a good employee, that freedom applies within the employment relationship (Article 7:611 of the Dutch Civil Code). An employer therefore cannot ban criticism in general; a restriction must be necessary and proportionate. Courts weigh, as the European Court of Human Rights did in Herbai v. Hungary (2019), the nature of the statement, the employee's motive, the harm to the employer and the severity of the sanction. A rule this broad is unlikely to hold up in court."),
                        new("Verbied niet de kritiek zelf, maar wat echt schade doet: vertrouwelijke informatie delen, beledigen of bedreigen (artikel 7:678 lid 2 onder e BW; artikelen 261, 262 en 266 Wetboek van Strafrecht) en beweringen waarvan je weet dat ze niet kloppen. Vraag medewerkers om kritiek eerst intern te melden, en zeg waar dat kan.",
                            "Do not ban criticism itself, but what really does harm: sharing confidential information, insults or threats (Article 7:678(2)(e) Dutch Civil Code; Articles 261, 262 and 266 Dutch Criminal Code) and statements the writer knows to be untrue. Ask staff to raise criticism internally first, and say where they can do so."),
                        own.Where);
                }
            }
        }
    }

    private static IEnumerable<Finding> Contacts(CheckContext c)
    {
        var escalation = c.Effective.Contact("escalation_contact");
        var doubt = c.Effective.Contact("doubt_contact");
        var basis = new LocalText(
            " Dit hoort bij goed werkgeverschap (artikel 7:611 BW): wie van medewerkers vraagt niet op eigen houtje te reageren, moet zeggen bij wie ze wel terechtkunnen.",
            " This is part of being a good employer (Article 7:611 of the Dutch Civil Code): if you ask staff not to respond on their own, you must tell them whom to turn to.");
        if (escalation is null || c.Covers("escalation") == false)
        {
            yield return new Finding(
                QualityChecks.EscalationContact,
                Severity.Error,
                escalation is null
                    ? new("Er is geen contact voor escalatie ingevuld.", "No escalation contact has been filled in.")
                    : new("Het protocol heeft geen bepaling over escalatie.", "The protocol has no clause on escalation."),
                new("Loopt een discussie over de organisatie online uit de hand, dan moet een medewerker meteen weten bij wie hij terechtkan, zodat hij niet alleen reageert." + basis.Nl,
                    "When a discussion about the organisation gets out of hand online, staff must know at once whom to contact, so that they do not respond alone." + basis.En),
                new("Vul bij escalation_contact een afdeling of persoon in, met een e-mailadres en een telefoonnummer dat ook buiten kantoortijd werkt.",
                    "Fill in escalation_contact with a department or person, with an e-mail address and a phone number that also works outside office hours."),
                "escalation_contact");
        }

        if ((doubt is null && escalation is null) || c.Covers("doubt") == false)
        {
            yield return new Finding(
                QualityChecks.DoubtContact,
                Severity.Error,
                doubt is null && escalation is null
                    ? new("Er is geen contact ingevuld voor vragen bij twijfel.", "No contact for questions when in doubt has been filled in.")
                    : new("Het protocol heeft geen bepaling over wat je doet bij twijfel.", "The protocol has no clause on what to do when in doubt."),
                new("Een medewerker die twijfelt over een bericht, moet het vooraf kunnen vragen. Dat voorkomt de meeste fouten, en het protocol verwijst er steeds naar." + basis.Nl,
                    "Staff who are unsure about a post must be able to ask beforehand. That prevents most mistakes, and the protocol refers to it throughout." + basis.En),
                new("Vul bij doubt_contact een laagdrempelig contact in, bijvoorbeeld de afdeling Communicatie, of anders een escalation_contact.",
                    "Fill in doubt_contact with an approachable contact, for example the communications department, or else an escalation_contact."),
                "doubt_contact");
        }
        else if (doubt is null && escalation is not null)
        {
            yield return new Finding(
                QualityChecks.DoubtContact,
                Severity.Info,
                new($"Voor vragen bij twijfel noemt het protocol het contact voor escalatie ({escalation.Name}), omdat er geen apart contact is ingevuld.",
                    $"For questions when in doubt, the protocol names the escalation contact ({escalation.Name}), because no separate contact has been filled in."),
                new("Dat werkt, maar een contact voor twijfel hoort laagdrempelig te zijn: iemand die je zonder aarzelen een klein vraagje stelt. Het contact voor escalatie is vaak bedoeld voor crises.",
                    "That works, but a contact for doubts should be approachable: someone you would ask a small question without hesitating. The escalation contact is often meant for crises."),
                new("Vul bij doubt_contact een apart contact in als dat beter past, bijvoorbeeld de eigen leidinggevende of de afdeling Communicatie.",
                    "Fill in a separate doubt_contact if that fits better, for example your own manager or the communications department."),
                "doubt_contact");
        }
    }

    private static IEnumerable<Finding> Sanctions(CheckContext c)
    {
        var covered = c.Covers("consequences") ?? c.Effective.Choice("sanctions") is not null;
        if (covered)
        {
            yield break;
        }

        yield return new Finding(
            QualityChecks.Sanctions,
            Severity.Warning,
            new("Het protocol zegt niet wat er gebeurt als iemand zich niet aan de afspraken houdt.", "The protocol does not say what happens when someone does not follow the rules."),
            new("Ontslag op staande voet vraagt een dringende reden (artikel 7:678 BW). Rechters kijken dan of de medewerker de regels en de gevolgen kende, en of de werkgever ze consequent toepaste. Zonder bepaling over gevolgen staat de werkgever zwakker; zo vond de rechter in een zaak zonder protocol geen dringende reden (Rb. Limburg 28-04-2015, ECLI:NL:RBLIM:2015:3599).",
                "Summary dismissal requires an urgent reason (Article 7:678 of the Dutch Civil Code). Courts then look at whether the employee knew the rules and their consequences, and whether the employer applied them consistently. Without a clause on consequences the employer's position is weaker; in a case without a protocol, for example, the court found no urgent reason (Rb. Limburg 28-04-2015, ECLI:NL:RBLIM:2015:3599)."),
            new("Neem een bepaling over gevolgen op (vraag sanctions: stap voor stap of per geval), of zet in de aangepaste tekst terug wat de gevolgen kunnen zijn.",
                "Include a clause on consequences (question sanctions: step by step or case by case), or restore in the adapted text what the consequences can be."),
            "sanctions");
    }

    private static IEnumerable<Finding> Adoption(CheckContext c)
    {
        if (c.Effective.Date("effective_date") is null)
        {
            yield return new Finding(
                QualityChecks.EffectiveDate,
                Severity.Warning,
                new("Er is geen ingangsdatum ingevuld.", "No effective date has been filled in."),
                new("Zonder ingangsdatum is niet duidelijk vanaf wanneer de regels gelden. Een werkgever kan een medewerker alleen aanspreken op regels die al golden en bekend waren (artikel 7:660 BW). Met een ondernemingsraad gaat het protocol pas in na de instemming (artikel 27 lid 1 WOR).",
                    "Without an effective date it is unclear from when the rules apply. An employer can only hold staff to rules that already applied and were known (Article 7:660 of the Dutch Civil Code). With a works council, the protocol only takes effect after its consent (Article 27(1) WOR)."),
                new("Vul bij effective_date de datum in waarop het protocol ingaat; met een ondernemingsraad een datum op of na de instemming.",
                    "Fill in effective_date with the date the protocol takes effect; with a works council, a date on or after its consent."),
                "effective_date");
        }

        if (c.Covers("review") == false || c.Effective.Choice("review_period") is null)
        {
            yield return new Finding(
                QualityChecks.ReviewPeriod,
                Severity.Warning,
                new("Het protocol zegt niet wanneer het opnieuw wordt bekeken.", "The protocol does not say when it will be reviewed."),
                new("Platforms, gewoonten en wetten veranderen snel. Een vaste evaluatie houdt het protocol bij de tijd, en een eigenaar zorgt dat het ook gebeurt. Verandert het protocol op punten waarvoor instemming nodig is, dan moet de ondernemingsraad opnieuw instemmen (artikel 27 lid 1 WOR).",
                    "Platforms, habits and laws change quickly. A fixed review keeps the protocol up to date, and an owner makes sure it happens. If the protocol changes on points that need consent, the works council must consent again (Article 27(1) WOR)."),
                new("Kies bij review_period jaarlijks of om de twee jaar, en noem bij review_owner wie het protocol bijhoudt.",
                    "Choose yearly or every two years as review_period, and name in review_owner who maintains the protocol."),
                "review_period");
        }
    }

    /// <summary>One text the organisation wrote itself: an adapted library clause or an own clause, in one language.</summary>
    internal sealed record OwnText(string ClauseId, bool IsCustom, int Index, Language Language, ClauseText Text, IReadOnlyList<string> Topics)
    {
        /// <summary>A clause of the library as assembled, checked like an own text.</summary>
        public bool FromLibrary { get; init; }

        public string Where => FromLibrary ? $"content/clauses ({ClauseId}, {Language.Code()})" : IsCustom ? $"custom_clauses[{Index}].{Language.Code()}" : $"adapted_clauses.{ClauseId}.{Language.Code()}";

        public string Describe(Language language) => (FromLibrary, IsCustom, language) switch
        {
            (true, _, Language.Nl) => $"bepaling '{Text.Title}' ({ClauseId}) uit de bibliotheek",
            (true, _, _) => $"library clause '{Text.Title}' ({ClauseId})",
            _ => Own(language),
        };

        private string Own(Language language) => (IsCustom, language) switch
        {
            (true, Language.Nl) => $"eigen bepaling '{Text.Title}' ({ClauseId})",
            (true, _) => $"own clause '{Text.Title}' ({ClauseId})",
            (false, Language.Nl) => $"aangepaste bepaling '{Text.Title}' ({ClauseId})",
            _ => $"adapted clause '{Text.Title}' ({ClauseId})",
        };
    }

    internal static IEnumerable<OwnText> OwnTexts(CheckContext c)
    {
        var custom = c.Effective.Customisations;
        foreach (var a in custom.Adapted)
        {
            var topics = c.Library.Clause(a.ClauseId)?.Topics ?? [];
            if (a.Nl is not null)
            {
                yield return new OwnText(a.ClauseId, false, 0, Language.Nl, a.Nl, topics);
            }

            if (a.En is not null)
            {
                yield return new OwnText(a.ClauseId, false, 0, Language.En, a.En, topics);
            }
        }

        foreach (var (cc, i) in custom.Custom.Select((x, i) => (x, i + 1)))
        {
            if (cc.Nl is not null)
            {
                yield return new OwnText(cc.Id, true, i, Language.Nl, cc.Nl, cc.Topics);
            }

            if (cc.En is not null)
            {
                yield return new OwnText(cc.Id, true, i, Language.En, cc.En, cc.Topics);
            }
        }
    }

    private static string Join(IReadOnlyList<LocalText> items, Language language)
    {
        var words = items.Select(i => i[language]).ToList();
        var and = language == Language.Nl ? " en " : " and ";
        return words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + and + words[^1];
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Day(DateOnly d, Language language) => Labels.Date(d, language);
}
