using System;

namespace Microsoft.Xrm.Sdk.Extensions
{
    /// <summary>Typed access to the services a plugin's service provider offers.</summary>
    public static class ServiceProviderExtensions
    {
        /// <summary>The service of type <typeparamref name="T"/> (null when the provider has none).</summary>
        public static T Get<T>(this IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
            {
                throw new ArgumentNullException(nameof(serviceProvider));
            }

            return (T)serviceProvider.GetService(typeof(T));
        }

        /// <summary>An organization service running as the given user, from the provider's factory.</summary>
        public static IOrganizationService GetOrganizationService(this IServiceProvider serviceProvider, Guid userId)
        {
            var factory = serviceProvider.Get<IOrganizationServiceFactory>();
            if (factory == null)
            {
                throw new InvalidOperationException("The service provider has no IOrganizationServiceFactory.");
            }

            return factory.CreateOrganizationService(userId);
        }
    }
}
