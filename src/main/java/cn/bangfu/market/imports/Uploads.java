package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** Reading an import's file out of a multipart form, and the limits every import keeps. */
public final class Uploads {

    /** The limits of every import, for the OpenAPI description. */
    public static final String LIMITS = "Limits (400 naming the limit, 413 for size): at most 10 MB a file, 100,000 "
            + "data rows, 64 columns, 1,000 characters a cell, 30 characters a numeric cell; an XLSX inflates to "
            + "at most 100 times its size and 100 MB, and its cells name no column beyond the 64th and no shared "
            + "string it does not hold. A rejected file (422) lists its first 200 row errors in errors and counts "
            + "them all in errorCount; nothing is imported.";

    private Uploads() {
    }

    /** The bytes of the single file in a multipart form. */
    public static byte[] single(List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw ApiProblem.badRequest("the form carries no file part", "表单中没有文件部分");
        }
        if (files.size() > 1) {
            throw ApiProblem.badRequest("send one file per import", "每次导入只能发送一个文件");
        }
        try {
            return Files.readAllBytes(files.get(0).uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
