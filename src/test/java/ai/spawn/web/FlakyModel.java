package ai.spawn.web;

import ai.spawn.generation.CodeGenerator;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Wraps every {@link CodeGenerator} of the server in a {@link FlakyOnceCodeGenerator}. */
@TestConfiguration(proxyBeanMethods = false)
class FlakyModel {

    @Bean
    static BeanPostProcessor flakyOnceGenerator() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof CodeGenerator g && !(bean instanceof FlakyOnceCodeGenerator)
                        ? new FlakyOnceCodeGenerator(g) : bean;
            }
        };
    }
}
