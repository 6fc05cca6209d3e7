package dev.sfumato.engine;

/**
 * Gives the engine threads for one worker loop.
 *
 * <p>The engine never creates threads itself: inside the application server the threads must come
 * from the JCA {@code WorkManager}, and tests use plain threads. The launcher runs the loop's
 * slices one after another (never two at once) until a slice returns false, and calls {@link
 * SlicedLoop#abandon} if it cannot run the next one.
 */
@FunctionalInterface
public interface LoopLauncher {

  /**
   * Starts running {@code loop} on a thread of the launcher's choosing and returns once the first
   * slice has a thread, without waiting for the loop to end.
   *
   * @param name a diagnostic name for the work, e.g. {@code sfumato-media-0}
   * @throws Exception if no thread could be obtained; the engine then stops what it started
   */
  void launch(String name, SlicedLoop loop) throws Exception;
}
