using Richtsnoer.Core.Quality;

namespace Richtsnoer.Core.Tests.Quality;

public class SyllableTests
{
    /// <summary>
    /// Dutch words with their written syllables as a Dutch dictionary splits them (| between
    /// syllables). The expected count is the number of parts. Grouped by what they test.
    /// </summary>
    private const string DutchWords = """
        # everyday and protocol words
        de = de
        het = het
        een = een
        niet = niet
        werk = werk
        ook = ook
        werkgever = werk|ge|ver
        werknemer = werk|ne|mer
        medewerker = me|de|wer|ker
        medewerkers = me|de|wer|kers
        organisatie = or|ga|ni|sa|tie
        protocol = pro|to|col
        bericht = be|richt
        berichten = be|rich|ten
        leidinggevende = lei|ding|ge|ven|de
        collega = col|le|ga
        collega's = col|le|ga's
        vertrouwelijk = ver|trou|we|lijk
        informatie = in|for|ma|tie
        gebruik = ge|bruik
        gebruiken = ge|brui|ken
        regels = re|gels
        afspraken = af|spra|ken
        ondernemingsraad = on|der|ne|mings|raad
        instemming = in|stem|ming
        toezicht = toe|zicht
        klanten = klan|ten
        leveranciers = le|ve|ran|ciers
        concurrenten = con|cur|ren|ten
        waarschuwing = waar|schu|wing
        ontslag = ont|slag
        aansprakelijk = aan|spra|ke|lijk
        verantwoordelijk = ver|ant|woor|de|lijk
        verantwoordelijkheid = ver|ant|woor|de|lijk|heid
        auteursrecht = au|teurs|recht
        portretrecht = por|tret|recht
        citaatrecht = ci|taat|recht
        belediging = be|le|di|ging
        bedreiging = be|drei|ging
        discriminatie = dis|cri|mi|na|tie
        respectvol = res|pect|vol
        zorgvuldig = zorg|vul|dig
        publiceren = pu|bli|ce|ren
        vaststelling = vast|stel|ling
        evaluatie = e|va|lu|a|tie
        ingangsdatum = in|gangs|da|tum
        twijfel = twij|fel
        escalatie = es|ca|la|tie
        woordvoerder = woord|voer|der
        directie = di|rec|tie
        uitzendkrachten = uit|zend|krach|ten
        stagiairs = sta|gi|airs
        vrijwilligers = vrij|wil|li|gers
        geheimhouding = ge|heim|hou|ding
        bedrijfsgeheim = be|drijfs|ge|heim
        persoonsgegevens = per|soons|ge|ge|vens
        vrijheid = vrij|heid
        meningsuiting = me|nings|ui|ting
        ongeveer = on|ge|veer
        onderwerp = on|der|werp
        voorbeeld = voor|beeld
        bijvoorbeeld = bij|voor|beeld
        overleg = o|ver|leg
        vergadering = ver|ga|de|ring
        gesprek = ge|sprek
        intranet = in|tra|net
        werktijd = werk|tijd
        pauze = pau|ze
        pauzes = pau|zes
        telefoon = te|le|foon
        computer = com|pu|ter
        internet = in|ter|net
        interview = in|ter|view
        gegevens = ge|ge|vens
        beveiliging = be|vei|li|ging
        kwaliteit = kwa|li|teit
        universiteit = u|ni|ver|si|teit
        politie = po|li|tie
        ziekenhuis = zie|ken|huis
        leerlingen = leer|lin|gen
        ouders = ou|ders
        zoals = zo|als
        namens = na|mens
        persoonlijk = per|soon|lijk
        titel = ti|tel
        privacy = pri|va|cy

        # vowel clusters that are one sound
        nieuw = nieuw
        nieuwe = nieu|we
        nieuws = nieuws
        eeuw = eeuw
        eeuwen = eeu|wen
        leeuw = leeuw
        mooi = mooi
        mooie = mooi|e
        nooit = nooit
        draaien = draai|en
        groeien = groei|en
        moeilijk = moei|lijk
        duidelijk = dui|de|lijk
        uit = uit
        huis = huis
        leuk = leuk
        auto = au|to
        oud = oud
        klein = klein
        reizen = rei|zen
        vrouw = vrouw
        ruw = ruw
        duwen = du|wen
        rijen = rij|en
        bijeen = bij|een
        eieren = ei|e|ren
        luie = lui|e
        ooievaar = ooi|e|vaar
        euro = eu|ro
        Europa = Eu|ro|pa
        bureau = bu|reau
        niveau = ni|veau
        cadeau = ca|deau
        toilet = toi|let
        journalist = jour|na|list
        route = rou|te
        detail = de|tail
        trainer = trai|ner

        # vowels next to each other that are two sounds
        reageren = re|a|ge|ren
        reageert = re|a|geert
        reactie = re|ac|tie
        reacties = re|ac|ties
        situatie = si|tu|a|tie
        creatief = cre|a|tief
        idee = i|dee
        sociaal = so|ci|aal
        sociale = so|ci|a|le
        financieel = fi|nan|ci|eel
        officieel = of|fi|ci|eel
        individueel = in|di|vi|du|eel
        actueel = ac|tu|eel
        materiaal = ma|te|ri|aal
        januari = ja|nu|a|ri
        bioscoop = bi|o|scoop
        radio = ra|di|o
        video = vi|de|o
        media = me|di|a
        medium = me|di|um
        theater = the|a|ter
        geuit = ge|uit
        geopend = ge|o|pend
        beoordelen = be|oor|de|len
        beantwoorden = be|ant|woor|den
        reorganisatie = re|or|ga|ni|sa|tie
        realiseren = re|a|li|se|ren
        ideaal = i|de|aal
        dieet = di|eet
        continueren = con|ti|nu|e|ren
        aquarium = a|qua|ri|um
        zoiets = zo|iets
        museum = mu|se|um

        # diaeresis
        ideeën = i|de|eën
        knieën = knie|ën
        zeeën = zee|ën
        financiële = fi|nan|ci|ë|le
        geïnteresseerd = ge|ïn|te|res|seerd
        coördinator = co|ör|di|na|tor
        poëzie = po|ë|zie
        naïef = na|ïef
        egoïsme = e|go|ïs|me
        België = Bel|gi|ë
        reünie = re|ü|nie
        beëindigen = be|ëin|di|gen
        geëmigreerd = ge|ë|mi|greerd
        patiënt = pa|ti|ënt
        patiënten = pa|ti|ën|ten
        cliënt = cli|ënt
        cliënten = cli|ën|ten

        # y as a vowel and as a consonant
        baby = ba|by
        hobby = hob|by
        systeem = sys|teem
        typisch = ty|pisch
        yoga = yo|ga
        royaal = ro|yaal
        loyaal = lo|yaal

        # loanwords, alone and in compounds
        team = team
        teams = teams
        teamleider = team|lei|der
        e-mail = e|mail
        e-mails = e|mails
        e-mailadres = e|mail|a|dres
        mailen = mai|len
        online = on|line
        offline = off|line
        onlinegedrag = on|line|ge|drag
        social = so|cial
        social-mediaprotocol = so|cial|me|di|a|pro|to|col
        socialmediabeleid = so|cial|me|di|a|be|leid
        manager = ma|na|ger
        managers = ma|na|gers
        management = ma|nage|ment
        chat = chat
        chatten = chat|ten
        chatgroep = chat|groep
        gechat = ge|chat
        website = web|site
        websites = web|sites
        update = up|date
        updates = up|dates
        like = like
        likes = likes
        liken = li|ken
        blog = blog
        bloggen = blog|gen
        blogger = blog|ger
        vlog = vlog
        post = post
        posten = pos|ten
        gepost = ge|post
        tweet = tweet
        tweets = tweets
        retweet = re|tweet
        Facebook = Face|book
        LinkedIn = Lin|ked|In
        Instagram = In|sta|gram
        TikTok = Tik|Tok
        YouTube = You|Tube
        WhatsApp = Whats|App
        Twitter = Twit|ter
        smartphone = smart|phone
        laptop = lap|top
        app = app
        appen = ap|pen
        screenshot = screen|shot
        selfie = sel|fie
        hashtag = hash|tag
        influencer = in|flu|en|cer
        followers = fol|lo|wers
        cookie = coo|kie
        account = ac|count
        accounts = ac|counts
        deadline = dead|line
        feedback = feed|back
        meeting = mee|ting
        coach = coach
        service = ser|vice
        klantenservice = klan|ten|ser|vice
        marketing = mar|ke|ting
        recruiter = re|crui|ter
        sales = sales
        business = busi|ness
        software = soft|ware
        trol = trol
        trollen = trol|len
        podcast = pod|cast
        disclaimer = dis|clai|mer
        headhunter = head|hun|ter
        freelancer = free|lan|cer
        okay = o|kay
        hockey = hoc|key

        # abbreviations spoken letter by letter
        cao = c|a|o
        AVG = A|V|G
        BW = B|W
        DPIA = D|P|I|A
        OR = O|R
        HR = H|R
        ICT = I|C|T
        """;

    public static TheoryData<string, string> Dutch()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in DutchWords.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(" = ");
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    [Fact]
    public void The_Dutch_word_list_has_at_least_150_words()
    {
        Assert.True(Dutch().Count >= 150, $"{Dutch().Count} words");
    }

    [Theory]
    [MemberData(nameof(Dutch))]
    public void Dutch_syllables_match_the_dictionary_split(string word, string split)
    {
        Assert.Equal(split.Split('|').Length, DutchSyllables.Count(word));
    }

    [Fact]
    public void Every_Dutch_word_counts_at_least_one_syllable_and_empty_input_none()
    {
        Assert.Equal(1, DutchSyllables.Count("'s"));
        Assert.Equal(1, DutchSyllables.Count("x"));
        Assert.Equal(0, DutchSyllables.Count(""));
        Assert.Equal(0, DutchSyllables.Count("--"));
    }

    [Theory]
    [InlineData("the", 1)]
    [InlineData("media", 3)]
    [InlineData("social", 2)]
    [InlineData("employee", 3)]
    [InlineData("company", 3)]
    [InlineData("organisation", 5)]
    [InlineData("protocol", 3)]
    [InlineData("confidential", 4)]
    [InlineData("information", 4)]
    [InlineData("privacy", 3)]
    [InlineData("post", 1)]
    [InlineData("posted", 2)]
    [InlineData("asked", 1)]
    [InlineData("time", 1)]
    [InlineData("simple", 2)]
    [InlineData("whole", 1)]
    [InlineData("manager", 3)]
    [InlineData("manages", 3)]
    [InlineData("likes", 1)]
    [InlineData("every", 2)]
    [InlineData("people", 2)]
    [InlineData("colleague", 2)]
    [InlineData("breaks", 1)]
    [InlineData("working", 2)]
    [InlineData("hours", 1)]
    [InlineData("dismissal", 3)]
    [InlineData("warning", 2)]
    [InlineData("consent", 2)]
    [InlineData("council", 2)]
    [InlineData("agreement", 3)]
    [InlineData("website", 2)]
    [InlineData("online", 2)]
    [InlineData("e-mail", 2)]
    [InlineData("team", 1)]
    [InlineData("always", 2)]
    [InlineData("monitoring", 4)]
    [InlineData("purpose", 2)]
    [InlineData("proportionate", 4)]
    [InlineData("radio", 3)]
    [InlineData("GDPR", 4)]
    [InlineData("agreed", 2)]
    [InlineData("satisfied", 3)]
    [InlineData("argue", 2)]
    [InlineData("value", 2)]
    [InlineData("league", 1)]
    [InlineData("politely", 3)]
    [InlineData("statement", 2)]
    [InlineData("careful", 2)]
    [InlineData("factually", 4)]
    [InlineData("language", 2)]
    [InlineData("equal", 2)]
    public void English_syllables(string word, int expected)
    {
        Assert.Equal(expected, EnglishSyllables.Count(word));
    }
}
