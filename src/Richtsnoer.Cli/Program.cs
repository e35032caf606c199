using System.CommandLine;
using Richtsnoer.Cli;
using Richtsnoer.Cli.Commands;

var root = new RootCommand("Richtsnoer: stel een social-mediaprotocol op uit een antwoordenbestand. / Build a social media protocol from an answers file.")
{
    GenerateCommand.Create(),
    DiffCommand.Create(),
    AnswersCommand.Create(),
    CoverageCommand.Create(),
    CheckCommand.Create(),
    CheckPostCommand.Create(),
    DisclaimerCommand.Create(),
    ResponseGuideCommand.Create(),
    AuditCommand.Create(),
    EvidenceCommand.Create(),
};

return Cli.Run(root, args);
