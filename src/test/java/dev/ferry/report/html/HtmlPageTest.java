package dev.ferry.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    @DisplayName("escaping leaves no character that could open a tag or end an attribute")
    void escapes() {
        assertThat(HtmlPage.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    @DisplayName("embedded JSON cannot close its script element, and parses back to the same value")
    void jsonIsScriptSafe() throws Exception {
        Map<String, String> value = Map.of("name", "</script><script>alert(1)</script><!--");
        String json = HtmlPage.json(value);
        assertThat(json).doesNotContain("<");
        assertThat(new ObjectMapper().readValue(json, new TypeReference<Map<String, String>>() { }))
                .isEqualTo(value);
        assertThat(HtmlPage.jsonScript("data", value))
                .startsWith("<script type=\"application/json\" id=\"data\">{")
                .endsWith("}</script>");
    }

    @Test
    @DisplayName("the chart library is inlined whole in one script element that nothing inside ends early")
    void echartsInlined() throws Exception {
        String script = HtmlPage.echartsScript();
        assertThat(script).startsWith("<script>").endsWith("</script>").contains("echarts");
        assertThat(script.length()).isGreaterThan(900_000);
        assertThat(script.substring(0, script.length() - "</script>".length())).doesNotContain("</script");
    }
}
