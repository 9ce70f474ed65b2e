using KamPlugins.Platform.Localization;

namespace KamPlugins.Platform
{
    /// <summary>Messages of the platform layer, in English and Simplified Chinese.</summary>
    internal static class Texts
    {
        internal static readonly LocalizedText MissingServiceProvider = new LocalizedText(
            "KamPlugins was started without the platform's services. The operation was not saved.",
            "KamPlugins 启动时缺少平台服务，操作未保存。");

        internal static readonly LocalizedText MissingService = new LocalizedText(
            "KamPlugins could not obtain the platform service {0}. The operation was not saved.",
            "KamPlugins 无法获取平台服务 {0}，操作未保存。");

        internal static readonly LocalizedText Unexpected = new LocalizedText(
            "KamPlugins could not complete its check of this operation, so nothing was saved. Please try again; if it happens again, give your administrator this correlation id: {0}.",
            "KamPlugins 未能完成对此操作的检查，因此未保存任何内容。请重试；如再次出现，请将此关联 ID 提供给管理员：{0}。");
    }
}
