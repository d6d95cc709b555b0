package dev.ferry.des;

import java.util.NoSuchElementException;

/**
 * The pending events of one kernel, in firing order: earliest time first, then smallest priority,
 * then the order in which they were added. An event is known by the token {@link #add} returns; the
 * token is valid until the event leaves the list, by {@link #removeFirst()} or {@link #remove(long)},
 * and never again after that. Implementations are single-threaded.
 */
public interface EventList {

    /** Adds an event and returns its token. Times are not checked: the kernel does that. */
    long add(long time, int priority, Runnable task);

    /** Removes the event of {@code token} if it is still pending; {@code false} if it is not. */
    boolean remove(long token);

    /** Time of the first event. @throws NoSuchElementException if the list is empty */
    long firstTime();

    /** Removes the first event and returns its task. @throws NoSuchElementException if the list is empty */
    Runnable removeFirst();

    /** Events pending: added and neither removed nor taken. */
    int size();

    default boolean isEmpty() {
        return size() == 0;
    }
}
