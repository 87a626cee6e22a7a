package dev.zvonok.server.bulk;

import java.util.Locale;

/** The two kinds of file the directory is imported from and exported to. */
public enum FileFormat {
    CSV("text/csv; charset=utf-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String contentType;

    FileFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws BulkFileException for anything but csv and xlsx (any case) */
    public static FileFormat named(String name) {
        if (name != null) {
            for (FileFormat format : values()) {
                if (format.extension().equalsIgnoreCase(name.strip())) {
                    return format;
                }
            }
        }
        throw new BulkFileException("the format is csv or xlsx, not '" + name + "'");
    }

    /** XLSX for a zip archive (what an .xlsx file is), CSV for anything else: no file name needed. */
    public static FileFormat of(byte[] content) {
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
                && content[3] == 4;
        return zip ? XLSX : CSV;
    }

    Sheet read(byte[] content) {
        return this == XLSX ? XlsxFiles.read(content) : CsvFiles.read(content);
    }

    byte[] write(Sheet sheet) {
        return this == XLSX ? XlsxFiles.write(sheet) : CsvFiles.write(sheet);
    }
}
