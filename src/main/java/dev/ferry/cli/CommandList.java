package dev.ferry.cli;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" list of every {@code --help}: one summary sentence per command. picocli's own list shows the
 * first line of a description as it is wrapped in the source, which cut most summaries mid-sentence; this one
 * shows the command's header if it has one, else the first sentence of its description.
 */
final class CommandList implements CommandLine.IHelpSectionRenderer {

    /** A sentence ends at a full stop followed by a space or the end, except in "e.g." and "i.e.". */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\be\\.g|\\bi\\.e)\\.(\\s|$)");
    /** Longer than this, a first sentence with a colon is cut at the colon (what follows details it). */
    private static final int LONG = 110;

    private CommandList() {
    }

    /** Puts this list into {@code cli}'s help and that of all its subcommands, at any depth. */
    static void install(CommandLine cli) {
        cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
        cli.getSubcommands().values().forEach(CommandList::install);
    }

    @Override
    public String render(Help help) {
        Map<Help, Boolean> seen = new IdentityHashMap<>();
        Map<String, String> rows = new LinkedHashMap<>();
        for (Help sub : help.subcommands().values()) {
            if (seen.put(sub, true) == null && !sub.commandSpec().usageMessage().hidden()) {
                rows.put(sub.commandNamesText(", ").toString(), summary(sub.commandSpec().usageMessage()));
            }
        }
        return rows.isEmpty() ? "" : help.createTextTable(rows).toString();
    }

    /** The header, or the first sentence of the first paragraph of the description. */
    static String summary(UsageMessageSpec usage) {
        String text = String.join(" ", usage.header().length > 0 ? usage.header() : firstParagraph(usage.description()))
                .trim().replaceAll("\\s+", " ");
        Matcher end = SENTENCE_END.matcher(text);
        String sentence = end.find() ? text.substring(0, end.start() + 1) : text;
        int colon = sentence.indexOf(": ");
        if (sentence.length() > LONG && colon > 0) {
            sentence = sentence.substring(0, colon) + ".";
        }
        return sentence;
    }

    private static String[] firstParagraph(String[] lines) {
        int end = 0;
        while (end < lines.length && !lines[end].isBlank()) {
            end++;
        }
        String[] paragraph = new String[end];
        System.arraycopy(lines, 0, paragraph, 0, end);
        return paragraph;
    }
}
