using Richtsnoer.Core.PostCheck;
using Richtsnoer.Core.PostCheck.Pipeline;

namespace Richtsnoer.Core.Tests.PostCheck;

/// <summary>The stages of the pipeline on their own: tokens, morphology, phrase sets, the vocabulary of an organisation.</summary>
public class PipelineTests
{
    [Fact]
    public void Tokens_split_on_hyphens_apostrophes_emoji_and_hashtags()
    {
        var tokens = Tokenizer.Split("Onze customer-centric aanpak 🚀 werkt! #TeamVanDam @jan_b en homo's.");
        Assert.Equal(["onze", "customer", "centric", "aanpak", "werkt", "team", "van", "dam", "@jan_b", "en", "homo's"], tokens.Select(t => t.Norm));
        Assert.True(tokens[2].Is(TokenFlags.JoinedBefore));
        Assert.True(tokens[1].Is(TokenFlags.JoinedAfter));
        Assert.True(tokens[5].Is(TokenFlags.Hashtag));
        Assert.True(tokens[8].Is(TokenFlags.Handle));
        Assert.Equal(1, tokens[5].Sentence);
    }

    [Fact]
    public void Tokens_keep_numbers_together_and_fold_letter_swaps_inside_words()
    {
        var tokens = Tokenizer.Split("Een 7,5 voor Engels. Wat een sh1t, kkrrrr");
        Assert.Contains(tokens, t => t.Norm == "7,5" && t.Is(TokenFlags.Number));
        Assert.Contains(tokens, t => t.Norm == "shit");
        Assert.Contains(tokens, t => t.Norm == "kkrr");
        Assert.Equal(0, tokens.Single(t => t.Norm == "engels").Sentence);
        Assert.Equal(1, tokens.Single(t => t.Norm == "shit").Sentence);
        Assert.Equal("Een", "Een 7,5 voor Engels."[tokens[0].Start..tokens[0].End]);
    }

    [Theory]
    [InlineData("huurcontracten", "huurcontract")]
    [InlineData("begrotingen", "begroting")]
    [InlineData("kosten", "kost")]
    [InlineData("reizen", "reis")]
    [InlineData("brieven", "brief")]
    [InlineData("wegen", "weeg")]
    [InlineData("bommen", "bom")]
    [InlineData("notities", "notitie")]
    [InlineData("dossiertje", "dossier")]
    [InlineData("begrotinkje", "begroting")]
    [InlineData("balletjes", "bal")]
    [InlineData("policies", "policy")]
    public void Singulars_undo_plural_and_diminutive(string word, string singular) =>
        Assert.Contains(singular, DutchMorphology.Singulars(word));

    [Theory]
    [InlineData("begroting", "begrotingen")]
    [InlineData("begroting", "begrotinkje")]
    [InlineData("huis", "huizen")]
    [InlineData("brief", "brieven")]
    [InlineData("weeg", "wegen")]
    [InlineData("bom", "bommen")]
    [InlineData("bom", "bommetje")]
    [InlineData("notitie", "notities")]
    [InlineData("notitie", "notitietje")]
    [InlineData("gemeente", "gemeenten")]
    [InlineData("dossier", "dossiers")]
    [InlineData("stoel", "stoeltje")]
    [InlineData("boom", "boompje")]
    [InlineData("policy", "policies")]
    public void Forms_include_plurals_and_diminutives(string word, string form) =>
        Assert.Contains(form, DutchMorphology.Forms(word));

    [Theory]
    [InlineData("begroting", "begrotingen")]
    [InlineData("dossier", "dossiertje")]
    public void A_form_of_a_plural_term_is_found_from_the_plural_too(string singular, string plural) =>
        Assert.Contains(singular, DutchMorphology.Forms(plural));

    [Fact]
    public void Compounds_need_a_real_rest()
    {
        Assert.True(DutchMorphology.EndsCompound("klantbegroting", "begroting"));
        Assert.False(DutchMorphology.EndsCompound("begroting", "begroting"));
        Assert.True(DutchMorphology.StartsCompound("begrotingsoverleg", "begroting"));
        Assert.False(DutchMorphology.StartsCompound("accountant", "account"));
    }

    [Fact]
    public void Phrase_sets_match_forms_gaps_and_compound_marks()
    {
        var tokens = Tokenizer.Split("De huurders nemen het pand over. Een longontsteking. Het MT en de mt.");
        var forms = new PhraseSet(["huurder"], forms: true);
        Assert.NotNull(forms.MatchAt(tokens, 1));
        var gap = new PhraseSet(["nemen over"]);
        Assert.Null(gap.MatchAt(tokens, 2));
        Assert.Equal(5, gap.MatchAt(tokens, 2, gap: 2)?.Last);
        var suffix = new PhraseSet(["*ontsteking"]);
        Assert.NotNull(suffix.MatchAt(tokens, 7));
        var capitals = new PhraseSet(["MT"]);
        Assert.Single(capitals.Matches(tokens));
    }

    [Fact]
    public void A_matter_is_read_as_heads_qualifiers_and_names()
    {
        var words = ContextLexicon.Default;
        var generic = new HashSet<string>(StringComparer.Ordinal) { "gegevens" };
        var m = OrganisationVocabulary.Matter("begrotingen en huurcontracten van de gemeente Zutphen vóór besluitvorming", words, generic);
        Assert.Equal(["begrotingen", "huurcontracten"], m.Heads.Select(h => h.Norm));
        Assert.True(m.Before);
        Assert.True(m.HasQualifiers);
        Assert.Contains("zutphen", m.Names);
        Assert.NotNull(m.Qualifiers.MatchAt(Tokenizer.Split("gemeenten"), 0));

        var g = OrganisationVocabulary.Matter("gegevens van patiënten", words, generic);
        Assert.Empty(g.Heads);
    }

    [Fact]
    public void The_context_lexicon_loads_and_knows_ordinary_words()
    {
        var words = ContextLexicon.Default;
        Assert.True(words.IsOrdinary("sleutels"));
        Assert.True(words.IsOrdinary("horizon"));
        Assert.False(words.IsOrdinary("weidezicht"));
        Assert.All(ContextLexicon.ListKeys, k => Assert.NotEmpty(words[k]));
        Assert.NotEmpty(words.Families);
    }

    [Fact]
    public void The_context_lexicon_reports_mistakes_with_file_and_line()
    {
        var root = Path.Combine(Path.GetTempPath(), "richtsnoer-context-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, "checks"));
        File.WriteAllText(Path.Combine(root, "checks", "context.yaml"), "matter_families:\n  - {amounts: veel, words: [a]}\n");
        File.WriteAllText(Path.Combine(root, "checks", "ordinary-words.yaml"), "nl: [de]\nen: [the]\n");
        var e = Assert.Throws<Richtsnoer.Core.Content.ContentException>(() => ContextLexicon.Load(root));
        Assert.Contains(e.Errors, x => x.File == "content/checks/context.yaml" && x.Line == 2 && x.Message.Contains("amounts"));
        Assert.Contains(e.Errors, x => x.Message.Contains("'not_yet' is missing"));
    }

    [Fact]
    public void Aliases_are_read_per_term()
    {
        var parsed = TermAliases.Parse("Sint Jansdal = het Jansdal, SJD");
        Assert.Equal("Sint Jansdal", parsed?.Term);
        Assert.Equal(["het Jansdal", "SJD"], parsed?.Aliases);
        Assert.Null(TermAliases.Parse("geen gelijkteken"));
        Assert.Null(TermAliases.Parse("= alleen rechts"));
    }
}
