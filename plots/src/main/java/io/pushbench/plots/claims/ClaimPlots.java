package io.pushbench.plots.claims;

import io.pushbench.plots.PlotInputException;
import io.pushbench.plots.PlotOutput;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.claims.ClaimsJson;
import io.pushbench.report.claims.ClaimsReport;
import io.pushbench.report.claims.ClaimVerdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything drawn from a {@code claims.json}, into its folder: one chart per measured claim
 * ({@code claim-<n>.png/.svg}), {@code claims.md} and a self-contained {@code claims.html} (charts inlined).
 *
 * <p>Typical use: {@code PlotOutput out = ClaimPlots.plot(folder.resolve("claims.json"));}
 */
public final class ClaimPlots {

    public static final String MARKDOWN = "claims.md";
    public static final String HTML = "claims.html";

    private ClaimPlots() {
    }

    /** @throws PlotInputException when the file is not a claims file of a known version */
    public static PlotOutput plot(Path claimsJson) throws PlotInputException {
        ClaimsReport report;
        try {
            report = ClaimsJson.read(claimsJson);
        } catch (ReportFormatException e) {
            throw new PlotInputException(e.getMessage());
        }
        Path folder = claimsJson.toAbsolutePath().getParent();
        List<RenderedChart> charts = new ArrayList<>();
        for (ClaimVerdict c : report.claims()) {
            RenderedChart chart = ClaimChartRenderer.render(c, folder);
            if (chart != null) {
                charts.add(chart);
            }
        }
        Path md = folder.resolve(MARKDOWN);
        Path html = folder.resolve(HTML);
        try {
            Files.writeString(md, ClaimsText.markdown(report), StandardCharsets.UTF_8);
            Files.writeString(html, ClaimsText.html(report, folder), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the claims report into " + folder + ": " + e.getMessage(), e);
        }
        return new PlotOutput(folder, charts, html, md);
    }
}
