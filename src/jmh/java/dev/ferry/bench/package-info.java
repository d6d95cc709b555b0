/** JMH benchmarks of Ferry's hot paths; run with {@code mvn -Pbench verify} (see each class's Javadoc). */
package dev.ferry.bench;
