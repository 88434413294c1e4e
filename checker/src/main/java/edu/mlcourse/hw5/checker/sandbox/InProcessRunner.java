package edu.mlcourse.hw5.checker.sandbox;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.invocation.Invoker;
import edu.mlcourse.hw5.invocation.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an already loaded {@code hw5.Q1} in this JVM: for students' own {@code mvn test}, where
 * there is nothing to protect. A call that overruns its time limit is abandoned on a daemon thread.
 */
final class InProcessRunner implements Q1Runner {
    private final Invoker invoker;
    private final RunLimits limits;
    private ExecutorService executor = newExecutor();

    public InProcessRunner(Class<?> q1, RunLimits limits) {
        this.invoker = Invoker.bind(q1, name -> name.startsWith("hw5.") && !name.equals("hw5.LinearGrads"));
        this.limits = limits;
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hw5-student-call");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Optional<String> unavailable(Q1Function function) {
        return invoker.problem(function);
    }

    @Override
    public List<Outcome> call(Q1Function function, List<Object[]> argumentLists) {
        Future<List<Outcome>> future = executor.submit(() -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (Object[] args : argumentLists) {
                outcomes.add(invoker.invoke(function, args));
            }
            return outcomes;
        });
        try {
            return future.get(limits.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            return repeat(new Outcome.TimedOut(limits.callTimeout().toMillis(), false), argumentLists.size());
        } catch (ExecutionException e) {
            return repeat(Invoker.threw(e.getCause(), name -> name.startsWith("hw5.")), argumentLists.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return repeat(new Outcome.Crashed("interrupted"), argumentLists.size());
        }
    }

    static List<Outcome> repeat(Outcome outcome, int times) {
        List<Outcome> outcomes = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            outcomes.add(outcome);
        }
        return outcomes;
    }

    @Override
    public String printedOutput() {
        return "";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
