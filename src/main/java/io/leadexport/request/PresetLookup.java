package io.leadexport.request;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Finds the saved preset a request names (see {@code Presets}). */
public interface PresetLookup {

    /**
     * @param owner the caller, whose own presets come before the shared ones; null for a schedule or an inbox file,
     *              which may name shared presets only
     * @return the preset's request as saved
     */
    Optional<ObjectNode> find(String name, String owner);

    /** The preset names this caller may use, for error messages. */
    List<String> names(String owner);

    PresetLookup NONE = new PresetLookup() {
        @Override
        public Optional<ObjectNode> find(String name, String owner) {
            return Optional.empty();
        }

        @Override
        public List<String> names(String owner) {
            return List.of();
        }
    };
}
