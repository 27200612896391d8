package io.leadexport.record;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecordConfiguration {

    @Bean
    NationalIdEncryptor nationalIdEncryptor(RecordProperties properties) {
        return new NationalIdEncryptor(properties.security().nationalIdKeys(),
                properties.security().nationalIdActiveKey());
    }
}
