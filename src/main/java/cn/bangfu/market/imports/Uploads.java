package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Media types an import accepts, and reading the file out of a multipart form. */
public final class Uploads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private Uploads() {
    }

    /** The bytes of the single file in a multipart form. */
    public static byte[] single(List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw ApiProblem.badRequest("the form carries no file part");
        }
        if (files.size() > 1) {
            throw ApiProblem.badRequest("send one file per import");
        }
        try {
            return Files.readAllBytes(files.get(0).uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
