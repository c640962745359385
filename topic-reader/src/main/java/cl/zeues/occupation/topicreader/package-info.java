/**
 * Reading a topic from its beginning to the end offsets fixed when the read starts: the catalog
 * views, the processor's state rebuild, the projector's catalog load and state rebuild and the
 * audit tool all read the log this way. kafka-clients only.
 */
@NullMarked
package cl.zeues.occupation.topicreader;

import org.jspecify.annotations.NullMarked;
