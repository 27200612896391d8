package io.leadexport.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.camel.util.ObjectHelper;

/**
 * An exception's cause chain, in one place. Finding a cause of a type is Camel's
 * {@link ObjectHelper#getException(Class, Throwable)}; this adds the chain in the order a reader explains it.
 */
public final class Causes {

    private Causes() {
    }

    /** The failure and its causes, outermost first (Camel's own iterable starts at the root cause). */
    public static List<Throwable> outermostFirst(Throwable failure) {
        if (failure == null) {
            return List.of();
        }
        List<Throwable> chain = new ArrayList<>();
        ObjectHelper.createExceptionIterable(failure).forEach(chain::add);
        Collections.reverse(chain);
        return chain;
    }

    /** The innermost cause: what really went wrong. */
    public static Throwable root(Throwable failure) {
        List<Throwable> chain = outermostFirst(failure);
        return chain.isEmpty() ? null : chain.get(chain.size() - 1);
    }

    /** Whether the run ended because it was cancelled. */
    public static boolean cancelled(Throwable failure) {
        return ObjectHelper.getException(ExportCancelledException.class, failure) != null;
    }
}
