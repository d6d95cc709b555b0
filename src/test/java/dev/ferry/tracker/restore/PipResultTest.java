package dev.ferry.tracker.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A failed pip command is explained in one printable line")
class PipResultTest {

    @Test
    @DisplayName("pip's last ERROR: line, even when hints that point 'above' follow it")
    void lastErrorLine() {
        String stderr = """
                  error: subprocess-exited-with-error
                  × python setup.py egg_info did not run successfully.
                  ╰─> See above for output.
                ERROR: Could not build wheels for scipy, which is required to install pyproject.toml-based projects
                note: This error originates from a subprocess, and is likely not a problem with pip.
                hint: See above for details.
                """;
        assertEquals("ERROR: Could not build wheels for scipy, which is required to install pyproject.toml-based"
                + " projects", PipResult.failed(1, stderr).reason());
    }

    @Test
    @DisplayName("else the last non-blank line, else the exit status")
    void otherwise() {
        assertEquals("/venv/bin/python: No module named pip",
                PipResult.failed(1, "/venv/bin/python: No module named pip\n\n").reason());
        assertEquals("pip exited with status 2 and printed no error", PipResult.failed(2, "  \n").reason());
        assertEquals("pip was stopped: it ran longer than the time limit of 60 s",
                new PipResult(-1, true, "it ran longer than the time limit of 60 s").reason());
    }

    @Test
    @DisplayName("control and bidirectional-override characters are escaped, other text kept")
    void printable() {
        assertEquals("╰─> x\\u001b[31m \\u202e", Requirements.printable("╰─> x\u001b[31m \u202e"));
    }
}
