package io.pushbench.plots.report;

import io.pushbench.report.RunVerdict;
import io.pushbench.plots.jmh.JmhScoreChart;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.report.jmh.JmhJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWritersTest {

    @TempDir
    static Path folder;
    static List<RenderedChart> charts;

    @BeforeAll
    static void renderARealChart() throws Exception {
        Path json = Path.of(ReportWritersTest.class.getResource("/io/pushbench/plots/jmh/ws-frame-encoder-avgt.json").toURI());
        charts = JmhScoreChart.write(JmhJson.read(json), folder);
    }

    private static ReportPage page(boolean valid) {
        return page(valid ? RunVerdict.VALID : RunVerdict.INVALID);
    }

    private static ReportPage page(RunVerdict verdict) {
        boolean valid = verdict == RunVerdict.VALID;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("clients", "1000");
        config.put("payload", "<64 B & more>");
        return new ReportPage("pushbench run 20261125T154500Z-3f2a", "1000 clients · broadcast",
                verdict, valid ? List.of() : List.of("sse: 3 messages lost"),
                new ReportPage.Table(List.of("Strategy", "p99 (ms)"), List.of(List.of("WebSocket", "1.2"), List.of("a|b", "3"))),
                charts, config, Map.of("CPU", "AMD EPYC"), List.of("report.json", "ws.hlog"));
    }

    @Test
    void htmlEmbedsEveryChartAndLinksTheRawFiles() throws Exception {
        Path html = HtmlReport.write(page(true), folder);

        String text = Files.readString(html);
        assertThat(text).startsWith("<!DOCTYPE html>").contains("Valid run", "<td>WebSocket</td>", "<td>1.2</td>",
                "<a href=\"report.json\">", "<a href=\"ws.hlog\">", "AMD EPYC",
                "&lt;64 B &amp; more&gt;", "href=\"" + charts.get(0).fileStem() + ".png\"");
        Matcher embedded = Pattern.compile("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"").matcher(text);
        assertThat(embedded.find()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(embedded.group(1)), "UTF-8"))
                .isEqualTo(Files.readString(charts.get(0).svg()));
    }

    @Test
    void htmlOfAnInvalidRunSaysWhy() throws Exception {
        String text = Files.readString(HtmlReport.write(page(false), folder));

        assertThat(text).contains("Invalid run", "<li>sse: 3 messages lost</li>").doesNotContain("Valid run");
    }

    @Test
    void htmlAndMarkdownOfASaturatedRunSayItIsSaturatedNotInvalid() throws Exception {
        String html = Files.readString(HtmlReport.write(page(RunVerdict.SATURATED), folder));
        String md = Files.readString(MarkdownReport.write(page(RunVerdict.SATURATED), folder));

        assertThat(html).contains("Saturated run", "<li>sse: 3 messages lost</li>").doesNotContain("Valid run", "Invalid run");
        assertThat(md).contains("**Saturated run**").doesNotContain("Valid run", "Invalid run");
    }

    @Test
    void markdownLinksThePngsAndKeepsTheTableIntact() throws Exception {
        String md = Files.readString(MarkdownReport.write(page(true), folder));

        assertThat(md).contains("# pushbench run 20261125T154500Z-3f2a",
                "![" + charts.get(0).fullTitle() + "](" + charts.get(0).fileStem() + ".png)",
                "| Strategy | p99 (ms) |", "|---|---:|", "| WebSocket | 1.2 |", "| a\\|b | 3 |",
                "[report.json](report.json)");
    }
}
