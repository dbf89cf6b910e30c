package cn.bangfu.market.exports;

import java.io.IOException;

/** The client closed the connection during an export; nothing is left to answer. */
public class ClientGoneException extends IOException {

    public ClientGoneException(long rowsWritten) {
        super("the client closed the connection after " + rowsWritten + " rows");
    }

    public ClientGoneException(long rowsWritten, IOException cause) {
        super("the client closed the connection after " + rowsWritten + " rows", cause);
    }
}
