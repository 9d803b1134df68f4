package io.adsw.bpmsoft.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests fired at once: each task on a thread of its own, all held at a start gate
 * until every thread is ready, so that they meet the stand together.
 */
public final class Burst {

	private Burst() {
	}

	/** Runs the task {@code count} times at once; the results in task order. */
	public static <T> List<T> atOnce(int count, Task<T> task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(count);
		CountDownLatch ready = new CountDownLatch(count);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				Callable<T> gated = () -> {
					ready.countDown();
					start.await();
					return task.run(index);
				};
				futures.add(executor.submit(gated));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads ready").isTrue();
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			start.countDown();
			executor.shutdownNow();
		}
	}

	/** The work of one thread of a burst, by its index. */
	@FunctionalInterface
	public interface Task<T> {

		T run(int index) throws Exception;

	}

}
