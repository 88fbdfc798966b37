package org.dissect4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The capture files that {@code load(...)} paths name: globs as Spark's file sources expand them
 * ({@code *}, {@code ?}, {@code [ab]}, {@code {a,b}}), and the files of a folder (not its subfolders, nor
 * names starting with {@code .} or {@code _}), keeping only names that match the {@code pathGlobFilter}
 * option. Files are memory-mapped, so they must be on a file system
 * every executor mounts at the same path ({@code file:}); other schemes are refused.
 */
final class CaptureFileList {
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]+):");
    private CaptureFileList() {
    }

    static List<String> list(List<String> paths, String nameGlob) {
        PathMatcher names = nameGlob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + nameGlob);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("dissect4j: no path: use load(\"captures/*.pcapng\")");
        }
        TreeSet<String> files = new TreeSet<>();
        try {
            FileSystem fs = FileSystem.getLocal(new Configuration());
            for (String p : paths) {
                Matcher scheme = SCHEME.matcher(p);
                if (scheme.lookingAt() && !scheme.group(1).equals("file")) {
                    throw new IllegalArgumentException("dissect4j: " + p + ": only local or mounted files (file:) are read;"
                            + " captures are memory-mapped by each executor");
                }
                org.apache.hadoop.fs.Path glob = fs.makeQualified(new org.apache.hadoop.fs.Path(p));
                FileStatus[] found = fs.globStatus(glob);
                if (found == null || found.length == 0) {
                    throw new IllegalArgumentException("dissect4j: path does not exist: " + p);
                }
                for (FileStatus s : found) {
                    if (s.isDirectory()) {
                        for (FileStatus child : fs.listStatus(s.getPath())) {
                            String name = child.getPath().getName();
                            if (child.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                                files.add(local(child));
                            }
                        }
                    } else {
                        files.add(local(s));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dissect4j: cannot list " + paths + ": " + e.getMessage(), e);
        }
        if (names != null) {
            files.removeIf(f -> !names.matches(Path.of(f).getFileName()));
        }
        return new ArrayList<>(files);
    }

    private static String local(FileStatus s) {
        return Path.of(s.getPath().toUri()).toString();
    }
}
