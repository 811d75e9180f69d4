package dev.concierge.api.security;

import dev.concierge.personalization.ConciergeException;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * Who is calling: a token's subject and roles, or nobody. Resolvers ask it for what they need and
 * get {@code UNAUTHENTICATED} or {@code FORBIDDEN} otherwise.
 */
public record Caller(@Nullable String subject, Set<Role> roles) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    /** The caller of the current request, from the reactive security context. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Caller::of)
                .defaultIfEmpty(ANONYMOUS);
    }

    static Caller of(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new Caller(authentication.getName(), Set.copyOf(roles));
    }

    public boolean anonymous() {
        return subject == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The signed-in customer's id: their data and nobody else's. */
    public String customerId() {
        require(Role.CUSTOMER);
        return subject;
    }

    /** Fails unless the caller holds {@code role}. */
    public Caller require(Role role) {
        if (anonymous()) {
            throw ConciergeException.unauthenticated("Sign in to do this: send a bearer token with role " + role);
        }
        if (!has(role)) {
            throw ConciergeException.forbidden("This needs role " + role);
        }
        return this;
    }
}
