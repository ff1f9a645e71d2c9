global using k8s.Models;
global using NasOrleans.Deploy.Tests.Support;
