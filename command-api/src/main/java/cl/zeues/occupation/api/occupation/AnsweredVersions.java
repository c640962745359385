package cl.zeues.occupation.api.occupation;

/**
 * Where the gateway tells the read side which version of a spool a 200 carried, so the same
 * client's next read waits for the view to reach it (read-your-writes).
 */
@FunctionalInterface
public interface AnsweredVersions {

  AnsweredVersions NONE = (tagSpool, version) -> {};

  void answered(String tagSpool, long version);
}
