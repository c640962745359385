/** The occupation-processor application: decides commands, one spool at a time. */
@NullMarked
package cl.zeues.occupation.processor;

import org.jspecify.annotations.NullMarked;
