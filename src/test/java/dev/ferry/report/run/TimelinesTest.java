package dev.ferry.report.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String LINE = "{\"session\":7,\"team\":\"t\",\"active\":[100,700,3600,4000],"
            + "\"commands\":[120,150,0,200,230,2],\"checkpoints\":[151,231],\"stops\":[5000,3],\"usable\":[5100],"
            + "\"steps\":[4990,2,-1,5050,4,1]}";

    @Test
    @DisplayName("the page holds each time as its difference from the previous time in its array, other values as they are")
    void deltas() throws Exception {
        JsonNode page = JSON.readTree(Timelines.forPage(List.of(LINE)).get(0));
        assertThat(page.get("active").toString()).isEqualTo("[100,600,2900,400]");
        assertThat(page.get("commands").toString()).isEqualTo("[120,30,0,50,30,2]");
        assertThat(page.get("checkpoints").toString()).isEqualTo("[151,80]");
        assertThat(page.get("stops").toString()).isEqualTo("[5000,3]");
        assertThat(page.get("usable").toString()).isEqualTo("[5100]");
        assertThat(page.get("steps").toString()).isEqualTo("[4990,2,-1,60,4,1]");
        assertThat(page.get("session").asInt()).isEqualTo(7);
        assertThat(page.get("team").asText()).isEqualTo("t");
    }

    @Test
    @DisplayName("summing each array's time positions back gives the timeline of timelines.jsonl")
    void sumsBack() throws Exception {
        JsonNode original = JSON.readTree(LINE);
        JsonNode page = JSON.readTree(Timelines.forPage(List.of(LINE)).get(0));
        Timelines.TIME_FIELDS.forEach((field, shape) -> {
            long previous = 0;
            for (int k = 0; k < page.get(field).size(); k += shape[0]) {
                for (int p = 1; p < shape.length; p++) {
                    previous += page.get(field).get(k + shape[p]).asLong();
                    assertThat(previous).as(field + "[" + (k + shape[p]) + "]")
                            .isEqualTo(original.get(field).get(k + shape[p]).asLong());
                }
            }
        });
    }
}
