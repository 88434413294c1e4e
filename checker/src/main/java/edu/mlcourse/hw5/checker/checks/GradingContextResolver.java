package edu.mlcourse.hw5.checker.checks;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the {@link GradingContext} named by the Launcher's configuration into {@link Q1Checks}. */
final class GradingContextResolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == GradingContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        String key = extension.getConfigurationParameter(GradingContexts.PARAMETER).orElseThrow(() ->
                new ParameterResolutionException("Q1Checks runs only through Q1CheckLauncher, which sets "
                        + GradingContexts.PARAMETER));
        return GradingContexts.lookup(key).orElseThrow(() ->
                new ParameterResolutionException("no grading context registered under " + key));
    }
}
