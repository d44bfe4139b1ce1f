package io.pushbench.plots.render;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test support: checks that a rendered chart's files exist and parse, and reads the SVG's text. */
public final class ChartFiles {

    private ChartFiles() {
    }

    /**
     * Asserts that the PNG decodes at 1200×700 and the SVG is well-formed XML, and returns every
     * {@code <text>} of the SVG: titles, axis labels, tick labels, legend entries.
     */
    public static List<String> assertReadableAndGetTexts(RenderedChart chart) throws Exception {
        assertThat(chart.png()).exists();
        assertThat(chart.svg()).exists();
        BufferedImage png = ImageIO.read(chart.png().toFile());
        assertThat(png).as("PNG decodes").isNotNull();
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(700);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(Files.newInputStream(chart.svg()));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        NodeList texts = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            result.add(texts.item(i).getTextContent());
        }
        return result;
    }
}
