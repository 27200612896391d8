package io.leadexport.record;

/** A conversation id with its link: text in CSV, JSON and text, a hyperlink cell in XLSX. */
public record ConversationRef(String id, String url) {

    @Override
    public String toString() {
        return id;
    }
}
