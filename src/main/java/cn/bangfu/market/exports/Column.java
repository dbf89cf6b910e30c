package cn.bangfu.market.exports;

/** An export column: its Chinese and English headers and a width (in characters) that fits Chinese text. */
public record Column(String chinese, String english, double width) {

    public String header(boolean english) {
        return english ? this.english : chinese;
    }
}
