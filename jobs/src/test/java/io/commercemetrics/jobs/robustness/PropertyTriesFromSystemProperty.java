package io.commercemetrics.jobs.robustness;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets {@code -Dcommerce.property.tries=N} raise the tries of a slow property that CI runs only a
 * few times (an annotation's value cannot come from a system property).
 */
public final class PropertyTriesFromSystemProperty implements AroundPropertyHook {

    static final String PROPERTY = "commerce.property.tries";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty(PROPERTY);
        if (tries != null && !tries.isBlank()) {
            context.attributes().setTries(Integer.parseInt(tries.strip()));
        }
        return property.execute();
    }
}
