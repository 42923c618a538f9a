package pgferry.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Latency against size, log-log, one line per store; written as SVG by XChart's VectorGraphicsEncoder. */
public final class Charts {
    private Charts() {
    }

    /** Writes {@code file} (an .svg path) for one operation's measurements. */
    public static void latencyBySize(String title, String sizeNoun, List<Measurement> ms, List<String> storeOrder, Path file) {
        XYChart chart = build(title, sizeNoun, ms, storeOrder);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(), VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file, e);
        }
    }

    /** The chart: x = size, y = ms per operation, both logarithmic; one series per store with JMH's error as bars. */
    public static XYChart build(String title, String sizeNoun, List<Measurement> ms, List<String> storeOrder) {
        XYChart chart = new XYChartBuilder().width(720).height(440).title(title)
                .xAxisTitle(sizeNoun + " (log)").yAxisTitle("time per operation, ms (log)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        for (String store : storeOrder) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            ms.stream().filter(m -> m.store().equals(store)).sorted((a, b) -> Long.compare(a.size(), b.size())).forEach(m -> {
                x.add((double) m.size());
                y.add(m.micros() / 1000.0);
                double e = Double.isNaN(m.error()) ? 0 : m.error() * Units.toMicros(m.unit()) / 1000.0;
                err.add(Math.min(e, m.micros() / 1000.0 * 0.999)); // a log axis cannot show a bar below zero
            });
            if (!x.isEmpty()) {
                XYSeries s = chart.addSeries(Report.storeLabel(store), x, y, err);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }
}
