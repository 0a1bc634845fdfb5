using System.Reflection;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using StudioApi.Platform.Http.Paging;
using StudioApi.Platform.Http.Validation;

namespace StudioApi.Platform.Http.OpenApi;

/// <summary>What the contract says about one property: the limits its validators enforce.</summary>
public sealed record PropertyConstraints
{
    public bool Required { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public bool ExclusiveMinimum { get; init; }
    public bool ExclusiveMaximum { get; init; }
    public string? Pattern { get; init; }
    public string? Format { get; init; }
    public int? MaxItems { get; init; }
    /// <summary>The only values accepted (a list's sort values), and the one that applies when none is given.</summary>
    public IReadOnlyList<string>? Enum { get; init; }
    public string? Default { get; init; }

    /// <summary>Two validators of one type (or of one property) meet: keep the stricter limit of each kind.</summary>
    public PropertyConstraints Merge(PropertyConstraints other)
    {
        var takeOtherMinimum = TakeOtherMinimum(other);
        var takeOtherMaximum = TakeOtherMaximum(other);
        return new PropertyConstraints
        {
            Required = Required || other.Required,
            MinLength = Max(MinLength, other.MinLength),
            MaxLength = Min(MaxLength, other.MaxLength),
            Minimum = takeOtherMinimum ? other.Minimum : Minimum,
            ExclusiveMinimum = takeOtherMinimum ? other.ExclusiveMinimum : ExclusiveMinimum,
            Maximum = takeOtherMaximum ? other.Maximum : Maximum,
            ExclusiveMaximum = takeOtherMaximum ? other.ExclusiveMaximum : ExclusiveMaximum,
            Pattern = Pattern ?? other.Pattern,
            Format = Format ?? other.Format,
            MaxItems = Min(MaxItems, other.MaxItems),
            Enum = Enum ?? other.Enum,
            Default = Default ?? other.Default,
        };
    }

    bool TakeOtherMinimum(PropertyConstraints other) => other.Minimum is not null && (Minimum is null || other.Minimum > Minimum);

    bool TakeOtherMaximum(PropertyConstraints other) => other.Maximum is not null && (Maximum is null || other.Maximum < Maximum);

    /// <summary>
    /// What a response field inherits from the input it was stored from: its upper bounds and format.
    /// Not required (responses say that themselves) nor patterns or enumerations (older data may predate a rule).
    /// </summary>
    public PropertyConstraints Bounds() => this with { Required = false, MinLength = null, Pattern = null, Enum = null, Default = null };

    static T? Min<T>(T? a, T? b) where T : struct, IComparable<T> => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) <= 0 ? a : b;
    static T? Max<T>(T? a, T? b) where T : struct, IComparable<T> => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) >= 0 ? a : b;
}

/// <summary>
/// Reads the FluentValidation validators of the API (the request validators FastEndpoints runs, the shared input
/// validators they include, and the child validators they set on nested objects and collection items) and
/// says, per CLR type and property, which limits they enforce: so the contract shows the rules the API applies.
/// Only rules FluentValidation can describe are read; a <c>Must</c> predicate is opaque, so write limits with the
/// built-in rules (or <see cref="CollectionRules.MaxItems{T,TElement}"/>) to have them in the contract.
/// </summary>
public sealed class ValidationConstraints
{
    readonly Dictionary<Type, Dictionary<string, PropertyConstraints>> byType = [];

    /// <summary>By stem: <c>Organization</c> → OrganizationInput (or CreateOrganizationRequest when there is no input type).</summary>
    readonly Dictionary<string, Type> inputsOfResponses;

    public ValidationConstraints(Assembly assembly)
    {
        var validators = assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in validators)
        {
            // A validator that needs its endpoint's services to be built cannot be read here; its rules stay out of the contract.
            IValidator validator;
            try
            {
                validator = (IValidator)Activator.CreateInstance(type)!;
            }
            catch (TargetInvocationException)
            {
                continue;
            }
            Read(validator, conditional: false);
        }

        inputsOfResponses = assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Input", StringComparison.Ordinal) || t.Name.StartsWith("Create", StringComparison.Ordinal) && t.Name.EndsWith("Request", StringComparison.Ordinal))
            .GroupBy(t => t.Name.EndsWith("Input", StringComparison.Ordinal) ? t.Name[..^"Input".Length] : t.Name["Create".Length..^"Request".Length])
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Name.EndsWith("Input", StringComparison.Ordinal) ? 0 : 1).ThenBy(t => t.FullName, StringComparer.Ordinal).First());
    }

    /// <summary>The constraints of one property of a type, including those of its base types and interfaces.</summary>
    public PropertyConstraints? For(Type type, string propertyName)
    {
        PropertyConstraints? found = null;
        foreach (var candidate in SelfAndAncestors(type))
            if (byType.TryGetValue(candidate, out var properties) && properties.TryGetValue(propertyName, out var c))
                found = found is null ? c : found.Merge(c);
        return found;
    }

    /// <summary>
    /// For a response <c>XResponse</c>, the input it is stored from (<c>XInput</c>, or <c>CreateXRequest</c>):
    /// what its validators allowed in is what the response can hold.
    /// </summary>
    public PropertyConstraints? ForResponse(Type responseType, string propertyName)
    {
        if (!responseType.Name.EndsWith("Response", StringComparison.Ordinal))
            return null;
        return inputsOfResponses.TryGetValue(responseType.Name[..^"Response".Length], out var input)
            ? For(input, propertyName)?.Bounds()
            : null;
    }

    static IEnumerable<Type> SelfAndAncestors(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            yield return t;
        foreach (var i in type.GetInterfaces())
            yield return i;
    }

    void Read(IValidator validator, bool conditional)
    {
        if (validator is not IEnumerable<IValidationRule> rules)
            return;
        foreach (var rule in rules)
        {
            var ruleType = rule.GetType();
            var isCollection = ruleType.IsGenericType && ruleType.GetGenericTypeDefinition().Name.StartsWith("CollectionPropertyRule", StringComparison.Ordinal);
            var declaringType = ruleType.GetGenericArguments()[0];
            foreach (var component in rule.Components)
            {
                var when = conditional || component.HasCondition || component.HasAsyncCondition;
                if (component.Validator is IChildValidatorAdaptor)
                {
                    // Include(...) and SetValidator/ChildRules: the child validator describes its own type.
                    if (ChildValidator(component.Validator) is { } inner)
                        Read(inner, when && rule is IIncludeRule);
                    continue;
                }
                // By the CLR name: rule.PropertyName follows FastEndpoints' camelCase resolver once it is configured.
                if (rule.Member is not PropertyInfo property)
                    continue;
                var constraints = Describe(component.Validator, when);
                if (constraints is not null && !when && !isCollection && RefusesDefault(component.Validator, declaringType, property))
                    constraints = constraints with { Required = true };
                if (constraints is not null)
                    Add(declaringType, isCollection ? ItemsOf(property.Name) : property.Name, constraints);
            }
        }
    }

    /// <summary>The validator a child adaptor wraps, when it is a fixed instance (not one chosen per value).</summary>
    static IValidator? ChildValidator(object adaptor) =>
        adaptor.GetType().GetField("_validator", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(adaptor) as IValidator;

    void Add(Type type, string property, PropertyConstraints constraints)
    {
        if (!byType.TryGetValue(type, out var properties))
            byType[type] = properties = [];
        properties[property] = properties.TryGetValue(property, out var existing) ? existing.Merge(constraints) : constraints;
    }

    /// <summary>
    /// One rule as schema limits. A rule under a condition (<c>When</c>) never makes a property required, but its
    /// limits still describe the value whenever one is given (the usual condition is "when present").
    /// </summary>
    static PropertyConstraints? Describe(IPropertyValidator validator, bool conditional) =>
        validator switch
        {
            INotNullValidator => conditional ? null : new PropertyConstraints { Required = true },
            INotEmptyValidator => new PropertyConstraints { Required = !conditional, MinLength = 1 },
            ILengthValidator length => new PropertyConstraints
            {
                MinLength = length.Min > 0 ? length.Min : null,
                MaxLength = length.Max > 0 ? length.Max : null,
            },
            IBetweenValidator between => new PropertyConstraints
            {
                Minimum = Number(between.From),
                Maximum = Number(between.To),
                ExclusiveMinimum = validator.GetType().Name.StartsWith("ExclusiveBetween", StringComparison.Ordinal),
                ExclusiveMaximum = validator.GetType().Name.StartsWith("ExclusiveBetween", StringComparison.Ordinal),
            },
            IComparisonValidator { ValueToCompare: { } value } comparison => comparison.Comparison switch
            {
                Comparison.GreaterThan => new PropertyConstraints { Minimum = Number(value), ExclusiveMinimum = true },
                Comparison.GreaterThanOrEqual => new PropertyConstraints { Minimum = Number(value) },
                Comparison.LessThan => new PropertyConstraints { Maximum = Number(value), ExclusiveMaximum = true },
                Comparison.LessThanOrEqual => new PropertyConstraints { Maximum = Number(value) },
                _ => null,
            },
            IEmailValidator => new PropertyConstraints { Format = "email" },
            IRegularExpressionValidator { Expression: { } expression } => new PropertyConstraints { Pattern = expression },
            IMaxItemsValidator maxItems => new PropertyConstraints { MaxItems = maxItems.MaxItems },
            ISortValueValidator sort => new PropertyConstraints { Enum = sort.Values, Default = sort.Default },
            _ => null,
        };

    /// <summary>
    /// Whether a range rule on a property that cannot be null refuses the property's default, which is what the server
    /// sees when the field is left out: <c>clientId</c> must be greater than 0, <c>date</c> between 1900 and 2200. Such a
    /// field is required, and the contract must say so.
    /// </summary>
    static bool RefusesDefault(IPropertyValidator validator, Type declaringType, PropertyInfo property)
    {
        var type = property.PropertyType;
        if (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null || DefaultOf(declaringType, property) is not IComparable left)
            return false;
        // Bounds of another type than the property's (or none) decide nothing.
        int? Compare(object? bound) => bound is not null && bound.GetType() == type ? left.CompareTo(bound) : null;
        return validator switch
        {
            IBetweenValidator between when validator.GetType().Name.StartsWith("ExclusiveBetween", StringComparison.Ordinal) =>
                Compare(between.From) <= 0 || Compare(between.To) >= 0,
            IBetweenValidator between => Compare(between.From) < 0 || Compare(between.To) > 0,
            IComparisonValidator { ValueToCompare: { } value } comparison => comparison.Comparison switch
            {
                Comparison.GreaterThan => Compare(value) <= 0,
                Comparison.GreaterThanOrEqual => Compare(value) < 0,
                Comparison.LessThan => Compare(value) >= 0,
                Comparison.LessThanOrEqual => Compare(value) > 0,
                _ => false,
            },
            _ => false,
        };
    }

    /// <summary>
    /// The value a property holds when the field is left out: its initializer's (a new DTO's), found on the DTO itself or,
    /// for an abstract input, on a concrete DTO built on it.
    /// </summary>
    static object? DefaultOf(Type declaringType, PropertyInfo property)
    {
        var concrete = !declaringType.IsAbstract ? declaringType
            : declaringType.Assembly.GetTypes().FirstOrDefault(t => !t.IsAbstract && declaringType.IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null);
        if (concrete?.GetConstructor(Type.EmptyTypes) is null)
            return Activator.CreateInstance(property.PropertyType);
        return property.GetValue(Activator.CreateInstance(concrete));
    }

    /// <summary>The key under which the rules of RuleForEach (the items of a collection) are kept.</summary>
    public static string ItemsOf(string propertyName) => propertyName + "[]";

    static decimal? Number(object? value) => value switch
    {
        null => null,
        IConvertible convertible when value is not string and not bool and not DateTime => convertible.ToDecimal(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
