package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every command list in {@code --help} gives each command a whole sentence (ending with a full stop), not the
 * first line of its description cut where the source wrapped it ("...lines: Python", "...in them, until").
 */
class HelpSummariesTest {

    /** The entries under "Commands:", each entry's wrapped lines joined: command name to summary. */
    static Map<String, String> commandList(String help) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines = help.lines().dropWhile(l -> !l.equals("Commands:")).skip(1).toList();
        String current = null;
        for (String line : lines) {
            if (line.matches("  \\S.*")) {
                String[] parts = line.trim().split("\\s{2,}", 2);
                current = parts[0];
                entries.put(current, parts.length > 1 ? parts[1] : "");
            } else if (line.matches("\\s{4,}\\S.*") && current != null) {
                entries.merge(current, line.trim(), (a, b) -> (a + " " + b).trim());
            } else if (!line.isBlank()) {
                break;
            }
        }
        return entries;
    }

    @Test
    @DisplayName("ferry --help: every command's summary is a sentence that ends with a full stop")
    void topLevel() {
        CommandResult result = CommandResult.run("--help");
        Map<String, String> commands = commandList(result.out());
        assertThat(commands.keySet()).contains("snapshot", "track", "checkpoint", "restore", "replay", "sim",
                "model", "report", "migrate", "help");
        commands.forEach((name, summary) -> assertThat(summary).as(name).endsWith(".").doesNotEndWith(":."));
        assertThat(commands.get("snapshot")).isEqualTo(
                "Prints what is installed in an environment as sorted name==version lines.");
        assertThat(commands.get("track")).endsWith("(it writes a last checkpoint first if one is due).");
        assertThat(commands.get("restore")).startsWith("Re-applies what the user did").endsWith("newer image.");
    }

    @Test
    @DisplayName("the command lists of sim, report, model, migrate and checkpoint too")
    void nested() {
        List<String> summaries = new ArrayList<>();
        for (String group : List.of("sim", "report", "model", "migrate", "checkpoint")) {
            Map<String, String> commands = commandList(CommandResult.run(group, "--help").out());
            assertThat(commands).as(group).isNotEmpty();
            commands.forEach((name, summary) -> {
                assertThat(summary).as(group + " " + name).endsWith(".");
                summaries.add(summary);
            });
        }
        assertThat(summaries).contains("Puts runs side by side in one offline HTML page.");
    }

    @Test
    @DisplayName("each command's own --help still shows its whole description")
    void ownHelpUnchanged() {
        CommandResult restore = CommandResult.run("restore", "--help");
        assertThat(restore.exitCode()).isZero();
        assertThat(restore.out()).startsWith("Usage: ferry restore").contains("packages the user never touched stay as"
                + " the image has them.");
        CommandResult replay = CommandResult.run("replay", "--help");
        assertThat(replay.out()).startsWith("Usage: ferry replay").contains("ground truth (the 'state' markers).");
    }
}
