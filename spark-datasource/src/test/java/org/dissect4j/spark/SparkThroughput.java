package org.dissect4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Rows per second of the data source on {@code local[2]} (BENCHMARKS.md, "Spark"): every row with every
 * requested column materialised (Spark's {@code noop} sink), after one warm-up run; run by
 * {@code benchmarks/spark-throughput.sh}. Arguments: FIELDS FILTER|- RUNS FILE...
 */
public final class SparkThroughput {
    private SparkThroughput() {
    }

    public static void main(String[] args) {
        String fields = args[0];
        String filter = args[1].equals("-") ? null : args[1];
        int runs = Integer.parseInt(args[2]);
        String[] files = Arrays.copyOfRange(args, 3, args.length);
        SparkSession spark = SparkSession.builder().appName("dissect4j-throughput").master("local[2]")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        var reader = spark.read().format("dissect4j").option("fields", fields).option("mode", "FAILFAST");
        if (filter != null) {
            reader = reader.option("filter", filter);
        }
        Dataset<Row> df = reader.load(files).drop("capture_file", "capture_error");
        long rows = df.where("frame_number IS NOT NULL OR frame_number IS NULL").count();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            df.write().format("noop").mode("overwrite").save();
            double s = (System.nanoTime() - t0) / 1e9;
            if (i > 0) {
                seconds.add(s);  // run 0 warms the JIT up
                cpu.add((os.getProcessCpuTime() - c0) / 1e9);
            }
        }
        seconds.sort(null);
        cpu.sort(null);
        double median = seconds.get(seconds.size() / 2);
        System.out.printf("spark local[2]: %d files, %,d rows, wall %s s, median %.2f s, %,.0f rows/s; CPU median %.2f s%n",
                files.length, rows, seconds, median, rows / median, cpu.get(cpu.size() / 2));
        spark.stop();
    }
}
