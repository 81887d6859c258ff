package ai.spawn.generation;

import ai.spawn.generation.GenerationProperties.Engine;
import ai.spawn.generation.anthropic.AnthropicCodeGenerator;
import ai.spawn.generation.openai.OpenAiCompatibleCodeGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Chooses the code generator by {@code spawnai.generation.engine}: {@code auto} means Claude when an Anthropic key
 * is set, else an OpenAI-compatible server when its base URL is set, else the offline blueprints.
 *
 * <p>When a model engine is chosen, this registers it as the {@code @Primary} bean {@value #BEAN}, so it wins over
 * the blueprint generator, which is always a plain {@code @Component} (and stays available by its own type, e.g.
 * as a fallback). When the blueprints are chosen, this registers nothing and the blueprint bean is the only
 * {@link CodeGenerator}. Start-up fails with a clear message when {@code anthropic} is asked for without a key or
 * {@code openai} without a base URL.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GenerationProperties.class)
class GenerationConfig {

    static final String BEAN = "codeGenerator";
    private static final Logger log = LoggerFactory.getLogger(GenerationConfig.class);

    @Bean(BEAN)
    @Primary
    @Conditional(ModelEngineSelected.class)
    CodeGenerator codeGenerator(GenerationProperties properties) {
        Engine engine = properties.selectedEngine();
        CodeGenerator generator = switch (engine) {
            case ANTHROPIC -> new AnthropicCodeGenerator(properties);
            case OPENAI -> new OpenAiCompatibleCodeGenerator(properties);
            default -> throw new IllegalStateException("no model engine is selected: " + engine);
        };
        log.info("code generation: the {} engine with model {} (prompts {})", generator.engine(), generator.model(),
                generator.promptVersion());
        return generator;
    }

    /** Matches when the engine rule picks a model engine rather than the blueprints. */
    static final class ModelEngineSelected implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            GenerationProperties properties = Binder.get(context.getEnvironment())
                    .bindOrCreate("spawnai.generation", GenerationProperties.class);
            return properties.selectedEngine() != Engine.BLUEPRINT;
        }
    }
}
