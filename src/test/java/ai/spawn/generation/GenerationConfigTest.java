package ai.spawn.generation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.generation.GenerationProperties.Engine;
import ai.spawn.generation.GenerationProperties.Price;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class GenerationConfigTest {

    private static final String KEY = "sk-ant-config-test-77aa";

    /** Stands in for the blueprint generator: a plain, always-present bean. */
    @Configuration(proxyBeanMethods = false)
    static class Offline {
        @Bean
        CodeGenerator blueprintCodeGenerator() {
            return new CodeGenerator() {
                @Override
                public String engine() {
                    return "blueprint";
                }

                @Override
                public AppBundle generate(GenerationRequest request, GenerationListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Offline.class, GenerationConfig.class)
            .withInitializer(new ConfigDataApplicationContextInitializer());

    @Test
    void withoutKeyOrBaseUrlTheBlueprintsAreTheOnlyGenerator() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(GenerationConfig.BEAN);
            assertThat(context.getBean(CodeGenerator.class).engine()).isEqualTo("blueprint");
        });
    }

    @Test
    void anAnthropicKeySelectsClaudeAsThePrimaryGenerator() {
        runner.withPropertyValues("ANTHROPIC_API_KEY=" + KEY).run(context -> {
            assertThat(context).hasNotFailed().hasBean(GenerationConfig.BEAN);
            assertThat(context.getBean(CodeGenerator.class).engine()).isEqualTo("anthropic");
            assertThat(context.getBean(CodeGenerator.class).model()).isEqualTo("claude-sonnet-4-5");
            assertThat(context.getBeansOfType(CodeGenerator.class)).hasSize(2);
            assertThat(context.getBean(GenerationProperties.class).toString()).doesNotContain(KEY);
        });
    }

    @Test
    void anOpenAiBaseUrlSelectsTheOpenAiCompatibleEngine() {
        runner.withPropertyValues("OPENAI_BASE_URL=http://localhost:11434/v1", "OPENAI_MODEL=qwen2.5-coder")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CodeGenerator.class).engine()).isEqualTo("openai");
                    assertThat(context.getBean(CodeGenerator.class).model()).isEqualTo("qwen2.5-coder");
                });
    }

    @Test
    void anExplicitEngineWins() {
        runner.withPropertyValues("ANTHROPIC_API_KEY=" + KEY, "OPENAI_BASE_URL=http://localhost:11434/v1",
                "spawnai.generation.engine=openai").run(context ->
                assertThat(context.getBean(CodeGenerator.class).engine()).isEqualTo("openai"));
        runner.withPropertyValues("ANTHROPIC_API_KEY=" + KEY, "spawnai.generation.engine=blueprint").run(context ->
                assertThat(context.getBean(CodeGenerator.class).engine()).isEqualTo("blueprint"));
    }

    @Test
    void anthropicWithoutAKeyFailsStartUpClearly() {
        runner.withPropertyValues("spawnai.generation.engine=anthropic").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("the anthropic engine needs an API key")
                        .hasMessageContaining("ANTHROPIC_API_KEY"));
    }

    @Test
    void openAiWithoutABaseUrlFailsStartUpClearly() {
        runner.withPropertyValues("spawnai.generation.engine=openai").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("OPENAI_BASE_URL"));
    }

    @Test
    void theDefaultPricesComeFromConfiguration() {
        runner.run(context -> {
            GenerationProperties properties = context.getBean(GenerationProperties.class);
            assertThat(properties.selectedEngine()).isEqualTo(Engine.BLUEPRINT);
            assertThat(properties.priceOf("claude-sonnet-4-5-20250929")).isEqualTo(new Price(3, 3.75, 0.30, 15));
            assertThat(properties.priceOf("claude-sonnet-5")).isEqualTo(new Price(2, 2.5, 0.20, 10));
            assertThat(properties.priceOf("claude-haiku-4-5")).isEqualTo(new Price(1, 1.25, 0.10, 5));
            assertThat(properties.priceOf("claude-opus-4-6")).isEqualTo(new Price(5, 6.25, 0.50, 25));
            assertThat(properties.priceOf("llama3.1")).isEqualTo(Price.FREE);
            assertThat(properties.anthropic().maxRetries()).isEqualTo(2);
            assertThat(properties.openai().model()).isEqualTo("llama3.1");
        });
    }
}
