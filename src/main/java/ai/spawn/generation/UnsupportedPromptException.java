package ai.spawn.generation;

/** The engine cannot build what the prompt asks for; the message tells the user what to do instead. */
public class UnsupportedPromptException extends GenerationException {

    public UnsupportedPromptException(String message) {
        super(message);
    }
}
