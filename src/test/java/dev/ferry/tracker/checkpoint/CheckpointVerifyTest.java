package dev.ferry.tracker.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.tracker.scan.EnvironmentKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link CheckpointFormat#verify}: the checks of {@code decode}, without building the package sets. */
class CheckpointVerifyTest {

    /** A location with characters of two and three bytes in UTF-8, so byte and character offsets differ. */
    private static final Checkpoint WIDE = new Checkpoint(12, 1_795_882_938_028L, List.of(
            new EnvironmentState("/home/jövyan/ünïcode-€/site-packages", EnvironmentKind.PYTHON,
                    CheckpointFormatTest.BASELINE, CheckpointFormatTest.CURRENT)));

    @Test
    @DisplayName("a sound checkpoint gives decode's generation and written time, its UTF-8 size and the hash of the whole text")
    void sound() throws Exception {
        for (Checkpoint checkpoint : List.of(CheckpointFormatTest.CHECKPOINT, WIDE)) {
            String text = CheckpointFormat.encode(checkpoint);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            VerifiedCheckpoint verified = CheckpointFormat.verify(text, "ck");
            Checkpoint decoded = CheckpointFormat.decode(text, "ck");
            assertThat(verified.generation()).isEqualTo(decoded.generation());
            assertThat(verified.writtenAtEpochMillis()).isEqualTo(decoded.writtenAtEpochMillis());
            assertThat(verified.bytes()).isEqualTo(bytes.length).isGreaterThan(text.length() - 1);
            assertThat(verified.textSha256()).isEqualTo(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        assertThat(CheckpointFormat.encode(WIDE).getBytes(StandardCharsets.UTF_8).length)
                .isGreaterThan(CheckpointFormat.encode(WIDE).length());
    }

    @Test
    @DisplayName("every text decode refuses, verify refuses with the same message")
    void refusesWhatDecodeRefuses() {
        String sound = CheckpointFormat.encode(CheckpointFormatTest.CHECKPOINT);
        List<String> bad = new ArrayList<>(List.of("", "numpy==2.4.6\n", sound.substring(0, sound.length() - 1),
                sound.substring(0, sound.length() / 2), sound.replace("added numpy 2.4.6", "added numpy 2.4.7"),
                CheckpointFormat.encode(WIDE).replace("ünïcode", "unicode")));
        for (String body : List.of(
                "ferry-checkpoint 1\ngeneration 3\nwritten 2026-11-28T16:00:00Z\nenvironment python /x\nbaseline pip 23.2.1\nadded numpy\nend\n",
                "ferry-checkpoint 1\ngeneration 3\nwritten 2026-11-28T16:00:00Z\nenvironment python /x\nbaseline pip 23.2.1\nremoved numpy 1.0\nend\n",
                "ferry-checkpoint 1\ngeneration 3\nwritten 2026-11-28T16:00:00Z\nenvironment python /x\nbaseline pip 23.2.1\nadded pip 1.0\nend\n",
                "ferry-checkpoint 1\ngeneration 3\nwritten 2026-11-28T16:00:00Z\nenvironment python /x\nbaseline pip 23.2.1\nchanged pip 1.0 2.0\nend\n",
                "ferry-checkpoint 1\ngeneration 3\nwritten 2026-11-28T16:00:00Z\nenvironment python /x\nbaseline pip 23.2.1\nbaseline pip 23.2.2\nend\n",
                "ferry-checkpoint 1\ngeneration 0\nwritten 2026-11-28T16:00:00Z\n",
                "ferry-checkpoint 2\ngeneration 3\nwritten 2026-11-28T16:00:00Z\n",
                "ferry-checkpoint 1\ngeneration 3\nwritten yesterday\n",
                "ferry-checkpoint 1\ngeneration 3\nwritten 2026-11-28T16:00:00Z\nenvironment python /x\nbaseline pip 23.2.1\n")) {
            bad.add(body + "sha256 " + CheckpointFormat.sha256(body) + "\n");
        }
        for (String text : bad) {
            CheckpointException decode = catchThrowableOfType(CheckpointException.class,
                    () -> CheckpointFormat.decode(text, "ck"));
            CheckpointException verify = catchThrowableOfType(CheckpointException.class,
                    () -> CheckpointFormat.verify(text, "ck"));
            assertThat(decode).as(text).isNotNull();
            assertThat(verify).as(text).isNotNull().hasMessage(decode.getMessage());
        }
    }

    @Test
    @DisplayName("spaces around the checksum still verify, and the whole text's hash covers them")
    void spacesAroundTheChecksum() throws Exception {
        String text = CheckpointFormat.encode(CheckpointFormatTest.CHECKPOINT);
        String spaced = text.substring(0, text.length() - 1) + "  \n";
        VerifiedCheckpoint verified = CheckpointFormat.verify(spaced, "ck");
        assertThat(verified.textSha256()).isNotEqualTo(CheckpointFormat.verify(text, "ck").textSha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(spaced.getBytes(StandardCharsets.UTF_8))));
    }
}
