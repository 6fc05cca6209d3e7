package dev.sfumato.engine;

/**
 * Gives the engine a long-running thread for one worker loop.
 *
 * <p>The engine never creates threads itself: inside the application server the threads must come
 * from the JCA {@code WorkManager}, and tests use plain threads. The loop returns once the engine
 * asks it to stop, or when its thread is interrupted.
 */
@FunctionalInterface
public interface LoopLauncher {

  /**
   * Starts {@code loop} on a thread of the launcher's choosing and returns without waiting for the
   * loop to end.
   *
   * @param name a diagnostic name for the work, e.g. {@code sfumato-media-0}
   * @throws Exception if no thread could be obtained; the engine then stops what it started
   */
  void launch(String name, Runnable loop) throws Exception;
}
