package io.detoxstreams.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tab-separated file with a header line, read whole: the layout of {@code ../shared/data} (UTF-8, no quoting, split
 * each line on {@code \t}). Missing trailing cells read as empty strings.
 */
public final class TsvTable {

    private final Path path;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<String[]> rows;

    private TsvTable(Path path, List<String> header, List<String[]> rows) {
        this.path = path;
        this.header = List.copyOf(header);
        this.rows = Collections.unmodifiableList(rows);
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cols.putIfAbsent(header.get(i).trim(), i);
        }
        this.columns = Map.copyOf(cols);
    }

    public static TsvTable read(Path path) {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new IllegalArgumentException(path + ": empty file, expected a header line");
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            List<String> header = List.of(first.split("\t", -1));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isEmpty()) {
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
            return new TsvTable(path, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public List<String> header() {
        return header;
    }

    public int size() {
        return rows.size();
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    public Optional<Integer> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** Index of a column that must exist; the message names the file and the columns it has. */
    public int requireColumn(String name) {
        Integer i = columns.get(name);
        if (i == null) {
            throw new IllegalArgumentException(path + ": no column '" + name + "' (columns: " + header + ")");
        }
        return i;
    }

    /** The cell, or {@code ""} when the row is shorter than the header. */
    public String get(int row, int column) {
        String[] r = rows.get(row);
        return column < r.length ? r[column] : "";
    }

    public String get(int row, String column) {
        return get(row, requireColumn(column));
    }
}
