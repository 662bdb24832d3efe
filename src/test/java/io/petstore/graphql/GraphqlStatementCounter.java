package io.petstore.graphql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Wraps the application's DataSource so that every SQL statement it prepares is counted. */
@TestConfiguration(proxyBeanMethods = false)
class GraphqlStatementCounter {

	/** Every statement the application's DataSource prepares (or creates), counted. */
	static final AtomicLong STATEMENTS = new AtomicLong();

	/** The SQL of every statement prepared, in order (the last few thousand). */
	static final java.util.concurrent.ConcurrentLinkedDeque<String> SQL = new java.util.concurrent.ConcurrentLinkedDeque<>();

	@Bean
	static BeanPostProcessor countStatements() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource source && !(Proxy.isProxyClass(bean.getClass()))) {
					return counting(source);
				}
				return bean;
			}
		};
	}

	static DataSource counting(DataSource target) {
		InvocationHandler connections = (proxy, method, args) -> {
			Object result = invoke(target, method, args);
			if (result instanceof Connection connection) {
				return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
						(p, m, a) -> {
							if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
									|| m.getName().equals("prepareCall")) {
								STATEMENTS.incrementAndGet();
								if (a != null && a.length > 0 && a[0] instanceof String sql) {
									SQL.add(sql);
									if (SQL.size() > 5000) {
										SQL.pollFirst();
									}
								}
							}
							return invoke(connection, m, a);
						});
			}
			return result;
		};
		return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
				connections);
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (java.lang.reflect.InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
