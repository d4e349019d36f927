package org.tomopick.io.copick;

import java.nio.file.Path;

/**
 * A picks file of a run and whose picks it holds: user, session and pickable object, from the file name
 * {@code <user>_<session>_<object>.json} or, for files named otherwise, from the file's content.
 */
public record CopickPicksFileRef(Path path, String userId, String sessionId, String objectName) {
}
