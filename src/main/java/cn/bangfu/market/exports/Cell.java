package cn.bangfu.market.exports;

/** A typed export cell: text, a whole number, or an amount of fen shown in yuan. */
public sealed interface Cell {

    record Text(String value) implements Cell {
    }

    record Whole(long value) implements Cell {
    }

    record Fen(long value) implements Cell {
    }

    static Cell text(String value) {
        return new Text(value == null ? "" : value);
    }

    static Cell whole(long value) {
        return new Whole(value);
    }

    static Cell fen(long value) {
        return new Fen(value);
    }
}
